//! Demo escalations: questions where objects compete for the IT
//! department's hours in 2021, one still with the object leaders and one
//! raised to the object owners and past its due date, so the register,
//! its overdue marks and the overview's count have something to show.
//! Dates are placed relative to the day the demo is loaded; the
//! initiatives in conflict are the first of each object's 2021 plan.

use chrono::{Duration, NaiveDate};

use crate::dataset::{Dataset, EscalationSeed};

const RAISER: &str = "naris.radetinac@linkoping.example";
const YEAR: i32 = 2021;

pub(super) fn add(data: &mut Dataset, today: NaiveDate) {
    let first_initiatives = |data: &Dataset, objects: &[&str]| -> Vec<(String, String)> {
        objects
            .iter()
            .filter_map(|code| {
                let plan = data.plan_years.iter().find(|p| p.object == *code && p.year == YEAR)?;
                plan.initiatives.first().map(|i| ((*code).to_owned(), i.name.clone()))
            })
            .collect()
    };
    let seeds = [
        (
            ["AKN", "EHR"],
            "IT-avdelningens timmar räcker inte till både e-arkivet och lönesystemet i vår",
            "AKN behöver integrationsutvecklare för anslutningen till e-arkivet under mars–april. EHR:s \
             uppgradering av lönesystemet behöver samma personer samtidigt. Tillsammans saknas ungefär 400 \
             IT-timmar under perioden.",
            14,
            None,
        ),
        (
            ["AKN", "VSOA"],
            "Byte av e-tjänsteplattform krockar med verksamhetssystemets införande",
            "Båda insatserna kräver test- och driftsresurser från IT-avdelningen under hösten och båda har \
             beroenden till samma integrationsplattform.",
            7,
            Some((
                "Objektledarna har inte hittat någon omplanering som håller båda tidplanerna. Frågan lyfts till \
                 objektägarna.",
                -3,
            )),
        ),
    ];
    for (objects, title, description, due_in_days, to_owners) in seeds {
        let initiatives = first_initiatives(data, &objects);
        data.escalations.push(EscalationSeed {
            raised_by: RAISER.to_owned(),
            objects: objects.iter().map(|c| (*c).to_owned()).collect(),
            initiatives,
            year: YEAR,
            title: title.to_owned(),
            description: description.to_owned(),
            due_on: today + Duration::days(due_in_days),
            to_owners: to_owners.map(|(note, days): (&str, i64)| (note.to_owned(), today + Duration::days(days))),
        });
    }
}
