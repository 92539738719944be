//! AKN 2020, transcribed from its object plan (`shared/seeds/000_…`): the
//! object (1.1, 2.1, 2.5), its products (2.2), business components (2.3),
//! IT components and suppliers (2.4), the goals of 2020 (4.2.3) and the
//! people of the management organisation (5.2). The tests check that the
//! goals reproduce the budget and FTE tables of section 4.3 exactly.

use crate::dataset::{
    effort, literal, BusinessComponentSeed, Dataset, InitiativeSeed, ItComponentSeed, ObjectSeed, PersonSeed,
    PlanYearSeed, ProductSeed, RoleSeed,
};
use crate::domain::AssignmentType::{Develop as VU, Maintain as VM};
use crate::domain::MainActivity::{ChangeManagement, Governance, Operations, UserSupport};
use crate::domain::{
    AssignmentType, Hours, InitiativeStatus, MainActivity, Money, ObjectCategory, PlanSettings, PlanStatus, Role,
    Scores,
};

const CODE: &str = "AKN";

const DESCRIPTION: &str = "Objektet stödjer kommunens verksamhet i att framställa, \
kvalitetssäkra och publicera innehåll i de digitala kommunikationskanalerna, hantera ärenden, \
handlingar och arbetsflöden digitalt, ordna, vårda och tillgängliggöra arkiverad information, \
genomföra fullmäktigemöten och allmänna val, hantera ärenden och redovisning inom \
överförmyndarverksamheten, juridik, säkerhets- och riskhantering, öppna data, statistik och \
omvärldsbevakning samt information och lotsning för företagare. Resultatet är en rättssäker, \
transparent och effektiv demokratisk beslutsprocess, kvalitetssäkrad hantering av ärenden och \
handlingar, god service till företagare och ändamålsenliga digitala kanaler.";

/// 2.3, plus "Process" (product 1) and "Handbok" (product 4), which the
/// products list but 2.3 does not describe.
const BUSINESS_COMPONENTS: &[(&str, &str)] = &[
    ("Användarstödsmaterial och utbildningsmaterial", "Användarmanualer finns bl. a för: Linkoping.se, Linweb, Linsam, E-arkiv (LTA). Instruktioner, t ex: Instruktionsfilmer, Användarinstruktion Skada, Handböcker, t ex: Handbok för digital arkivering (leveransprocessen) med checklistor; Säkerhetshandbok. Checklistor, t ex: Checklista för tillgängliggörande av data."),
    ("Objektspecifika styrande dokument", "Riktlinjer för digitala kommunikationskanaler, Anvisningar för sociala medier, Dokumentstyrning, Riktlinjer för digital arkivering, Tillämpningsanvisningar för digital arkivering. Objektprodukt: Stöd för att hantera ärenden samt redovisning inom överförmyndarverksamheten; Riktlinjer för arvodering, Interna handläggningsrutiner, Interna rutiner för statistikinsamling."),
    ("Mallar", "Webbpublicering: Sidtyper och block i Episerver; Kommungemensamma mallar i Office (Uniform); Mallar i: W3D3, Wärna."),
    ("Metoder", "Metodstöd i 2C8 för verksamhetsanalys exempelvis vid återkommande förbättringsarbete."),
    ("Process", ""),
    ("Handbok", ""),
];

/// 2.4: name, description, supplier ("Leverantör"). "egenutvecklad"
/// (self-developed) has no supplier.
const IT_COMPONENTS: &[(&str, &str, Option<&str>)] = &[
    ("2C8", "Process- och modelleringsverktyg (standardapplikation) för att genomföra verksamhetsanalyser/processer. Verktöget stödjer också publicering av processer via intranätet Linweb, pdf eller worddokument.", Some("2conciate Business Solutions AB")),
    ("23Video", "Verktyg för lagring av videos som visas på play.linkoping.se \"Linköping play\". Även spelaren då en film bäddas in på webben ligger här.", Some("TwentyThree")),
    ("API-nyckelgenerator", "Verktyg som ger tillgång till kommunens öppna data. Egenutvecklad.", None),
    ("Arkivportal (Portal)", "Portal som läggs bäddas in på linkoping.se för publicering av arkivmaterial", None),
    ("Business analytics", "System för statistik kring näringslivet.", Some("Business analytics")),
    ("CloudBox Presenter", "Verktyg för att skapa kapitelindelade webbsändningar.", Some("Ungap")),
    ("Crisis Commander", "Krisledningssystem (Säkerhetsenheten)", None),
    ("Drafit", "Registerförteckning över alla register som innehåller personuppgifter.", Some("Drafit")),
    ("Easit Go", "Ärendehanteringssystem (Juridik- och säkerhetsenheten)", None),
    ("Entryscape", "Plattform för informationshantering. (Öppna data)", None),
    ("EPIFind", "Sökmotor för Chefsportalen", None),
    ("Episerver", "CMS för Linkoping.se och Linweb.", Some("Sogeti")),
    ("Esmaker", "Enkät- och anmälningssystem.", Some("Entergate")),
    ("Flexite", "System för hantering av ärenden.", Some("Flexeurope AB")),
    ("Förtroendemannaregister/Troman", "Publicering på linkoping.se av förtroendevalda och deras politiska uppdrag", None),
    ("Godman.se", "Verktyg för ekonomisk redovisning av gode män och förvaltare", Some("Fredrik Edström Teknik")),
    ("Google Analytics", "Används för besökarstatistik på webbplatserna.", Some("Google")),
    ("ImageVault", "Bild databas integrerad med Episerver som används för intranätet och den externa webben samt fristående bildarkiv.", Some("Meridium")),
    ("Infotorg", "Informationsportal som hämtar uppgifter från andra datakällor gällande personer, företag, fastigheter, fordon och juridik", Some("Bisnode Sverige AB")),
    ("Karnov", "Rättsdatabas", None),
    ("Kaskelot", "System som används för att stödja administrationen kring val som genomförs i kommunen. I stort sett används systemet aktivt endast var fjärde år, dvs. inför och under val.", Some("Precio Fishbone")),
    ("Klara", "Arkivredovisningssystem.", Some("Knowit")),
    ("Kontext", "Verktyg för att för att förbättra kvalitet på texter.", Some("Step 2 Kontext")),
    ("LTA", "eArkiv. System för att ta emot, vårda och tillgängliggöra bevarandematerial. Innehåller även Extern sökportal.", Some("Formpipe")),
    ("Meetings Plus", "Webbapplikation för publicering av mötesdokument", None),
    ("MostPhotos", "Bildarkiv. Kan användas fritt inom kommunens förvaltningar.", Some("MostPhotos")),
    // The document writes "… e-tjänster Formpipe", the "Leverantör:" label missing.
    ("Portal by Formpipe", "CMS verktyg för interna e-tjänster", Some("Formpipe")),
    ("Recaptcha", "Används för att förhindra spam.", Some("Google")),
    // "Leverantör:" is empty in the document.
    ("Retriever", "Omvärldsbevakningssystem som i första hand används internt i kommunen för att hålla sig uppdaterad krig valda ämnen.", None),
    ("Scandinav bildbyrå", "Extern bilddatabas.", Some("Scandinav bildbyrå")),
    ("SharePoint", "Verktyg för att bygga interna och externa samarbetsytor. Linsam (samarbetsrum), är byggd i SharePoint.", Some("Sogeti")),
    // 2.4 writes "SlteSearch" and "Sitseeker" (OCR typos); product 1 in 2.2
    // writes "SiteSearch" and "Siteseeker", which are used here.
    ("SiteSearch", "Sökmotor för Linweb", Some("Microsoft")),
    ("Siteseeker", "Sökmotor för linkoping.se", Some("Euroling")),
    ("Skada", "Applikation med koppling till W3D3 för att rapportera ansvarsskada, egendomsskada, skada/tillbud elev/personal.", Some("Zavanto AB")),
    ("Sociala medier", "Kommunen använder följande sociala medier för att informera samt interagera med externa målgrupper: Facebook, Instagram, LinkedIn, Twitter. Förvaltning av sociala medier innebär att: Skapa anvisningar för sociala medier, Administrera behörigheter, Utbilda i användningen av sociala medier, Säkerställa integration till den externa webbplatsen", None),
    ("Statistikverktyg", "SPSS, Demografen, Demos, PC-Axis/PX-Win, PX-Web, PX-Make/PX-Edit, Remark, Supercross/MONA, StatisticsStudio", None),
    ("SuperOffice", "CRM system som används av Näringsliv och tillväxt för utskick samt för att registrera kontakter med företag.", Some("Generate Business Sverige AB")),
    ("Sök i diariet", "Egenutvecklad applikation för linkoping.se", None),
    ("TinyMCE", "Avancerad texteditor", Some("Ephox")),
    ("Troman", "Register för förtroendevalda", None),
    ("Uniform", "Mallverktyg för Word, Excel och Powerpoint.", Some("Consensis")),
    ("W3D3", "Ärende och dokumenthanteringssystem, kommunens diarium. I W3D3 ingår följande moduler: ADSync, xmlArchive, SharePoint Integration (används inte), SearchPort (intern), Office Addin, Meetings, Meetings Plus webb för allmänheten, Ledamotpubliceringsmodulen (används inte), File-Converter (används inte), LaserNet (används inte), W3D3 Workspace Client, Portal by Formpipe, Document Converter, Terminator", Some("Formpipe")),
    ("Validera text", "Verktyg som indexerar och bedömer sidans läsbarhet.", Some("ContentFlight AB")),
    ("Webbserviceplattform", "Server och databas", None),
    ("Webropol", "Enkätverktyg som används av Statistik och utredningar.", Some("Webropol")),
    ("Via TT", "Pressmeddelandesystem", Some("TT Nyhetsbyrån AB")),
    ("Wordpress", "CMS för följande digitala kanaler: Sommarföretagaren.se: Webbplats som riktar sig till gymnasielever i Linköping som under sommarlovet vill driva företag; Flyghuvudstaden.se: Webbplats för att marknadsföra Linköping som flyghuvudstad; Aerospacealmedalen.se: Webbplats för att informera om program i Almedalen", Some("UCS")),
    ("Wärna", "Administrativt system för överförmyndare för diarieföring, journal/dagboksanteckningar, samtycke, beslut, arvodesberäkningar och korrespondens m.m.", Some("Explizit")),
];

/// The four business components every product lists (2.2).
const COMMON: [&str; 4] =
    ["Användarstödsmaterial och utbildningsmaterial", "Objektspecifika styrande dokument", "Mallar", "Metoder"];

/// 2.2: name, description, business components beyond `COMMON`, IT components.
/// Stray closing parentheses after the last list item of products 1 and 6
/// are dropped; "överförmyndar-verksamheten" (a table-cell hyphenation) and
/// the full stop after product 11's name are not kept.
const PRODUCTS: &[(&str, &str, &[&str], &[&str])] = &[
    ("Stöd för publicering i digitala kommunikationskanaler", "Objektprodukten utgör ett samlat stöd till producenter av information i deras arbete att publicera innehåll (text, bild, ljud, film). Målgrupp är konsumenter och producenter av innehåll (text, bild, ljud, film). Objektprodukten utgörs av digitala kommunikationskanaler: Linköping.se, Linweb, Sommarföretagaren.se, Aerospacealmedalen.se, Flygstaden.se, Linköping play, Klimatsmartlinköping.se, Chefsportalen, Näringslivswebben, Sammanträdesportalen", &["Process"],
        &["23Video", "CloudBox Presenter", "EPIFind", "Episerver", "Förtroendemannaregister/Troman", "Google Analytics", "ImageVault", "Kontext", "MostPhotos", "Recaptcha", "Retriever", "Scandinav bildbyrå", "SharePoint", "SiteSearch", "Siteseeker", "Sociala medier", "Sök i diariet", "TinyMCE", "Validera text", "Via TT", "Wordpress"]),
    ("Stöd för hantering av kundtjänstärenden", "Registrering och hantering av ärenden. Processer, Kontakt Linköping, HR-direkt, Linköpingsförslaget, Ärendeprocess (MOS, Omsorg, Företagsservice, Linköpingsförslaget)", &[], &["Flexite"]),
    ("Stöd för dokument- och ärendehantering", "Objektprodukten utgör ett samlat stöd för dokument- och ärendehantering. Hantera arbetsflöden digitalt. Exempel på aktiviteter som ska stödjas är: Framställa, granska, kvalitetssäkra, diarieföra, rensa, gallra, arkivera och tillgängliggöra handlingar", &[],
        &["Meetings Plus", "Portal by Formpipe", "Sök i diariet", "Troman", "Uniform", "W3D3"]),
    // "Arkivportal (Portal) Klara LTA" in the document: three components.
    ("Stöd för digital arkivering", "Objektprodukten utgörs av ett samlat stöd för att förbereda, ta emot, ordna, vårda och tillgängliggöra arkivinformation.", &["Handbok"], &["Arkivportal (Portal)", "Klara", "LTA"]),
    ("Stöd för att hantera individärenden samt redovisning inom överförmyndarverksamheten", "Objektprodukten utgör ett samlat stöd för att hantera ärenden samt redovisning inom överförmyndarverksamheten. Exempel på aktiviteter som ska stödjas är: Diarieföring, Ärendehandläggning, Arvodesberäkning, Uttag av statistik, Ekonomisk redovisning av gode män och förvaltare", &[], &["Godman.se", "Wärna"]),
    ("Stöd för att hantera nyhetsbrev, inbjudningar, enkätundersökningar, beställningar och omvärldsbevakning", "Objektprodukten utgör ett samlat stöd för att producera och följa upp nyhetsbrev, inbjudningar, enkätundersökningar och beställningar samt för att genomföra omvärldsbevakning. Exempel på aktiviteter som ska stödjas är: E-postutskick, Föda informationsflöde på Linweb, Kunskapsinhämtning från automatiska flöden", &[], &["Esmaker", "SuperOffice", "Uniform"]),
    ("Stöd för att samla in, sammanställa, analysera och förädla data till statistisk information", "Objektprodukten utgör ett samlat stöd för att bearbeta officiell statistik samt samla in, sammanställa och analysera verksamhetsspecifik data.", &[], &["Business analytics", "Statistikverktyg", "Webropol"]),
    ("Stöd för att beskriva verksamhetsprocesser", "Objektprodukten utgörs av ett samlat stöd för beskriva verksamhetsprocesser. Exempel på aktiviteter som ska stödjas är: Dokumentera processer, Publicera processer via intranätet Linweb, pdf eller worddokument, Genomföra verksamhetsanalys", &[], &["2C8"]),
    ("Stöd för att organisera och genomföra allmänna val", "Objektprodukten utgörs av ett samlat stöd för att organisera och genomföra allmänna val. Exempel på aktiviteter som ska stödjas är: Administrera vallokaler, Administrera röstmottagare, Räkna ut mandat efter valresultat", &[], &["Kaskelot"]),
    ("Stöd för att tillgängliggöra öppna data", "Objektprodukten utgörs av ett samlat stöd för att tillgängliggöra öppna data.", &[], &["API-nyckelgenerator", "Entryscape", "Episerver", "Webbserviceplattform"]),
    ("Stöd för att bedriva systematiskt säkerhets- och arbetsmiljöarbete", "Objektprodukten utgörs av ett samlat stöd för att genomföra ett systematiskt säkerhets- och arbetsmiljöarbete. Exempel på aktiviteter som ska stödjas är: Rapportera ansvarsskada, egendomsskada, skada/tillbud elev och personal, Riskhantering (följa upp, planera och vidta förebyggande åtgärder)", &[], &["Crisis Commander", "Easit Go", "Skada"]),
    ("Juridik", "Objektprodukten utgörs av ett samlat stöd i juridiska frågor, även juridisk rådgivning och information till kommunens nämnder och tjänstemannaorganisation.", &[], &["Drafit", "Infotorg", "Karnov"]),
    ("Stöd för projektstyrning", "Objektprodukten utgör ett samlat för planering och genomförande av projekt.", &[], &[]),
];

/// 5.2. "Mats Eriksson UTB" in the document is the person Mats Eriksson
/// (UTB names his unit, not part of his name).
#[rustfmt::skip]
const PEOPLE: &[(Role, &[&str])] = &[
    (Role::ObjectOwnerBusiness, &["Maria Ottosson"]),
    (Role::ObjectOwnerIt, &["Krister Siggesjö"]),
    (Role::ObjectLeaderBusiness, &["Urban Nilsson"]),
    (Role::ObjectLeaderIt, &["Naris Radetinac"]),
    (Role::SpecialistBusiness, &[
        "Andres Adelman", "Dan Malmsten", "David Blomgren", "Henrik Ottosson", "Ingalill Karlsson",
        "Jimmy Lindahl", "Johan Hermansson", "Karin Almerén", "Kicki Särnqvist", "Malin Wictorén",
        "Maria Dalbark", "Marina Wallgren", "Nicklas Hugoo", "Pia Brink",
    ]),
    (Role::SpecialistIt, &["Fadi El-Belbol", "Fredrik Magdesjö", "Jonas Wiman", "Mats Eriksson", "Nawzad Saleh"]),
];

/// A goal of 4.2.3: name, assignment type, prio, business (timmar, övriga),
/// IT (timmar, övriga), as the document writes them.
type Goal = (&'static str, AssignmentType, Option<i32>, (&'static str, &'static str), (&'static str, &'static str));

#[rustfmt::skip]
const GOALS: &[(MainActivity, &[Goal])] = &[
    (Governance, &[
        ("OL - löpande förvaltningsstyrning", VM, None, ("1313,00", "0"), ("875,00", "0")),
    ]),
    (UserSupport, &[
        ("eArkiv - vidmakthållande", VM, None, ("595,00", "25 000"), ("340,00", "0")),
        ("Esmaker & Superoffice - vidmakthålla", VM, None, ("80,00", "0"), ("80,00", "0")),
        ("Flexite - vidmakthållande", VM, None, ("170,00", "0"), ("85,00", "0")),
        ("Kaskelot - vidmakthållande", VM, None, ("40,00", "0"), ("40,00", "50 000")),
        ("Livesändning - Vidmakthållande", VM, None, ("100,00", "0"), ("100,00", "0")),
        ("NY - Informationssäkerhetshandbok - Aktivitetsinventering", VM, None, ("200,00", "0"), ("100,00", "0")),
        ("NY - Samarbetsplattform - Aktivitetsinventering", VM, None, ("100,00", "0"), ("100,00", "0")),
        ("Skada - vidmakthållande", VM, None, ("175,00", "0"), ("40,00", "0")),
        ("W3D3 - vidmakthållande", VM, None, ("1275,00", "0"), ("170,00", "0")),
        ("Webb - Vidmakthållande", VM, None, ("1218,00", "0"), ("708,00", "0")),
        ("Wärna - vidmakthållande", VM, None, ("225,00", "0"), ("43,00", "0")),
        // Named "vidmakthållande" but typed Vidareutveckling in the document.
        ("2C8 - vidmakthållande", VU, Some(1), ("40,00", "0"), ("40,00", "0")),
    ]),
    (ChangeManagement, &[
        ("2C8 - vidareutveckling", VU, Some(1), ("40,00", "0"), ("40,00", "0")),
        ("eArkiv - vidareutveckling", VU, Some(1), ("595,00", "0"), ("340,00", "100 000")),
        ("Flexite - vidareutveckling", VU, Some(1), ("170,00", "0"), ("85,00", "0")),
        ("NY - AI dialogbaserad chattbot", VU, Some(1), ("100,00", "0"), ("50,00", "200 000")),
        ("NY - Intranät", VU, Some(1), ("200,00", "0"), ("100,00", "300 000")),
        ("NY - Mobilt arbetssätt", VU, Some(1), ("0,00", "0"), ("0,00", "0")),
        ("NY - Upphandling DAM-system", VU, Some(1), ("160,00", "0"), ("50,00", "50 000")),
        ("NYTT - Tjänstekatalog", VU, Some(1), ("300,00", "0"), ("300,00", "0")),
        ("NYTT Blankettfritt 2020", VU, Some(1), ("200,00", "0"), ("200,00", "0")),
        ("Skada - vidareutveckling", VU, Some(1), ("175,00", "0"), ("100,00", "0")),
        ("W3D3 - vidareutveckling", VU, Some(1), ("1275,00", "0"), ("475,00", "0")),
        ("Webb - vidareutveckling", VU, Some(1), ("1318,00", "0"), ("808,00", "1 200 000")),
        ("Wärna - vidareutveckla", VU, Some(1), ("230,00", "0"), ("44,00", "250 000")),
        ("Öppna data - vidareutveckling", VU, Some(1), ("85,00", "0"), ("400,00", "0")),
    ]),
    (Operations, &[
        ("2C8 - Licens, drift och supportkostnader", VM, None, ("0,00", "0"), ("0,00", "138 000")),
        ("DraftIT", VM, None, ("40,00", "0"), ("40,00", "60 000")),
        ("eArkiv - Licens, drift och supportkostnader", VM, None, ("0,00", "0"), ("0,00", "223 000")),
        ("Esmaker & SuperOffice - Licens, drift och supportkostnader", VM, None, ("0,00", "0"), ("0,00", "190 000")),
        ("Flexite - Licens, drift och supportkostnader", VM, None, ("0,00", "0"), ("0,00", "518 000")),
        ("Livesändning - Licens- drift och supportkostnader", VM, None, ("0,00", "0"), ("0,00", "642 000")),
        ("Skada - Licens, drift och supportkostnader", VM, None, ("0,00", "0"), ("0,00", "154 000")),
        ("Uniform - vidmakthållande", VM, None, ("0,00", "114 000"), ("0,00", "100 000")),
        ("W3D3 - Licens, drift och supportkostnader", VM, None, ("0,00", "0"), ("0,00", "2 388 000")),
        ("Webb - Licens, drift och supportkostnader", VM, None, ("0,00", "0"), ("0,00", "1 357 440")),
        ("Wärna - Licens, drift och supportkostnader", VM, None, ("0,00", "0"), ("0,00", "136 000")),
        ("Öppna data - Licens, drift och supportkostnader", VM, None, ("0,00", "0"), ("0,00", "200 000")),
    ]),
];

pub fn add(data: &mut Dataset) {
    let owned = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    data.objects.push(ObjectSeed {
        code: CODE.into(),
        name: "Administration, kommunikation och näringsliv".into(),
        category: ObjectCategory::Support,
        description: DESCRIPTION.into(),
        nearby: owned(&["EHR", "SAM", "UKF", "VSOA"]),
    });
    for &(name, description) in BUSINESS_COMPONENTS {
        if !data.business_components.iter().any(|c| c.object == CODE && c.name == name) {
            data.business_components.push(BusinessComponentSeed {
                object: CODE.into(),
                name: name.into(),
                description: description.into(),
            });
        }
    }
    for &(name, description, supplier) in IT_COMPONENTS {
        if let Some(supplier) = supplier {
            if !data.suppliers.iter().any(|s| s == supplier) {
                data.suppliers.push(supplier.into());
            }
        }
        match data.it_components.iter_mut().find(|c| c.name == name) {
            Some(existing) if existing.objects.iter().any(|o| o == CODE) => {}
            Some(existing) => existing.objects.push(CODE.into()),
            None => data.it_components.push(ItComponentSeed {
                name: name.into(),
                description: description.into(),
                supplier: supplier.map(Into::into),
                objects: vec![CODE.into()],
            }),
        }
    }
    for &(name, description, extra, it_components) in PRODUCTS {
        data.products.push(ProductSeed {
            object: CODE.into(),
            name: name.into(),
            description: description.into(),
            business_components: owned(&COMMON).into_iter().chain(owned(extra)).collect(),
            it_components: owned(it_components),
        });
    }
    for &(role, names) in PEOPLE {
        for &name in names {
            let email = email(name);
            if !data.people.iter().any(|p| p.email == email) {
                data.people.push(PersonSeed { name: name.into(), email: email.clone() });
            }
            data.roles.push(RoleSeed { email, role, object: Some(CODE.into()) });
        }
    }
    data.plan_years.push(plan_year());
}

/// firstname.lastname@linkoping.example, folded to ASCII.
fn email(name: &str) -> String {
    let local: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            ' ' => '.',
            other => other,
        })
        .collect();
    format!("{local}@linkoping.example")
}

fn plan_year() -> PlanYearSeed {
    let rate = literal(Money::parse("655"));
    let settings = literal(PlanSettings::new(rate, rate, literal(Hours::parse("1700"))));
    let initiatives = GOALS
        .iter()
        .flat_map(|&(main_activity, goals)| {
            goals.iter().map(move |&(name, assignment_type, priority, business, it)| InitiativeSeed {
                name: name.into(),
                main_activity,
                assignment_type,
                priority,
                status: InitiativeStatus::NotStarted,
                business: effort(business.0, business.1),
                it: effort(it.0, it.1),
                scores: Scores::default(),
            })
        })
        .collect();
    PlanYearSeed { object: CODE.into(), year: 2020, settings, status: PlanStatus::Approved, initiatives }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{BudgetColumn, BudgetMatrix, Initiative, Side};
    use rust_decimal::Decimal;

    fn dataset() -> Dataset {
        let mut data = Dataset::default();
        add(&mut data);
        data
    }

    fn plan() -> PlanYearSeed {
        let data = dataset();
        let found = data.plan_years.iter().find(|p| p.object == "AKN" && p.year == 2020);
        found.expect("AKN has a 2020 plan").clone()
    }

    fn matrix() -> BudgetMatrix {
        let plan = plan();
        let initiatives: Vec<Initiative> = plan
            .initiatives
            .iter()
            .enumerate()
            .map(|(rank, seed)| Initiative {
                id: 0,
                plan_year_id: 0,
                rank: rank as i32 + 1,
                name: seed.name.clone(),
                main_activity: seed.main_activity,
                assignment_type: seed.assignment_type,
                priority: seed.priority,
                status: seed.status,
                business: seed.business,
                it: seed.it,
                scores: seed.scores,
                version: 1,
            })
            .collect();
        BudgetMatrix::compute(plan.settings, &initiatives)
    }

    /// A number as the document writes it: "860 015 SEK", "0,77", "1313,00".
    fn doc(text: &str) -> Decimal {
        let number = text.trim_end_matches(" SEK");
        crate::domain::Money::parse(number).expect("document number").value()
    }

    const ACTIVITIES: [MainActivity; 4] = [Governance, UserSupport, ChangeManagement, Operations];
    /// The columns of 4.3: business VM, business VU, IT VM, IT VU.
    const COLUMNS: [(Side, AssignmentType); 4] =
        [(Side::Business, VM), (Side::Business, VU), (Side::It, VM), (Side::It, VU)];

    #[test]
    fn the_budget_table_of_section_4_3_is_reproduced_cell_by_cell() {
        // Huvudaktivitet: VM, VU (verksamhetsnära), VM, VU (IT-nära), Summa SEK.
        #[rustfmt::skip]
        let rows = [
            ["860 015 SEK", "0 SEK", "573 125 SEK", "0 SEK", "1 433 140 SEK"],
            ["2 761 590 SEK", "26 200 SEK", "1 232 930 SEK", "26 200 SEK", "4 046 920 SEK"],
            ["0 SEK", "3 175 440 SEK", "0 SEK", "4 059 760 SEK", "7 235 200 SEK"],
            ["140 200 SEK", "0 SEK", "6 132 640 SEK", "0 SEK", "6 272 840 SEK"],
        ];
        let sums = ["3 761 805 SEK", "3 201 640 SEK", "7 938 695 SEK", "4 085 960 SEK"];
        let m = matrix();
        for (activity, row) in ACTIVITIES.into_iter().zip(rows) {
            for ((side, kind), expected) in COLUMNS.into_iter().zip(row) {
                assert_eq!(m.cell(activity, side, kind).amount, doc(expected), "{activity:?} {side:?} {kind:?}");
            }
            assert_eq!(m.activity_total(activity).amount, doc(row[4]), "{activity:?}");
        }
        for ((side, assignment_type), expected) in COLUMNS.into_iter().zip(sums) {
            assert_eq!(m.column_total(BudgetColumn { side, assignment_type }).amount, doc(expected));
        }
        assert_eq!(m.total.amount, doc("18 988 100 SEK"));
    }

    #[test]
    fn the_full_time_table_of_section_4_3_is_reproduced_cell_by_cell() {
        // Huvudaktivitet: VM, VU (verksamhetsnära), VM, VU (IT-nära), Summa tid.
        let rows = [
            ["0,77", "0,00", "0,51", "0,00", "1,28"],
            ["2,46", "0,02", "1,06", "0,02", "3,56"],
            ["0,00", "2,85", "0,00", "1,76", "4,61"],
            ["0,02", "0,00", "0,02", "0,00", "0,04"],
        ];
        let sums = ["3,25", "2,87", "1,59", "1,78"];
        let m = matrix();
        for (activity, row) in ACTIVITIES.into_iter().zip(rows) {
            for ((side, kind), expected) in COLUMNS.into_iter().zip(row) {
                assert_eq!(m.cell(activity, side, kind).fte, doc(expected), "{activity:?} {side:?} {kind:?}");
            }
            assert_eq!(m.activity_total(activity).fte, doc(row[4]), "{activity:?}");
        }
        for ((side, assignment_type), expected) in COLUMNS.into_iter().zip(sums) {
            assert_eq!(m.column_total(BudgetColumn { side, assignment_type }).fte, doc(expected));
        }
        assert_eq!(m.total.fte, doc("9,49"));
    }

    #[test]
    fn each_goal_tables_sums_of_section_4_2_3_are_reproduced() {
        // Per side (verksamhetsnära, IT-nära): Summa (VM), Summa (VU), Total, Summa timmar.
        let tables = [
            [["860 015 SEK", "0 SEK", "860 015 SEK", "1313,00"], ["573 125 SEK", "0 SEK", "573 125 SEK", "875,00"]],
            [
                ["2 761 590 SEK", "26 200 SEK", "2 787 790 SEK", "4218,00"],
                ["1 232 930 SEK", "26 200 SEK", "1 259 130 SEK", "1846,00"],
            ],
            [
                ["0 SEK", "3 175 440 SEK", "3 175 440 SEK", "4848,00"],
                ["0 SEK", "4 059 760 SEK", "4 059 760 SEK", "2992,00"],
            ],
            [["140 200 SEK", "0 SEK", "140 200 SEK", "40,00"], ["6 132 640 SEK", "0 SEK", "6 132 640 SEK", "40,00"]],
        ];
        let m = matrix();
        for (activity, table) in ACTIVITIES.into_iter().zip(tables) {
            for (side, [vm, vu, total, hours]) in [Side::Business, Side::It].into_iter().zip(table) {
                let context = format!("{activity:?} {side:?}");
                assert_eq!(m.cell(activity, side, VM).amount, doc(vm), "{context} VM");
                assert_eq!(m.cell(activity, side, VU).amount, doc(vu), "{context} VU");
                assert_eq!(m.activity_side_total(activity, side).amount, doc(total), "{context} total");
                assert_eq!(m.activity_side_total(activity, side).hours, doc(hours), "{context} hours");
            }
        }
    }

    #[test]
    fn single_goals_cost_the_summa_the_document_gives() {
        // Delmål, summa verksamhetsnära, summa IT-nära.
        #[rustfmt::skip]
        let cases = [
            ("OL - löpande förvaltningsstyrning", "860 015 SEK", "573 125 SEK"),
            ("eArkiv - vidmakthållande", "414 725 SEK", "222 700 SEK"),
            ("Kaskelot - vidmakthållande", "26 200 SEK", "76 200 SEK"),
            ("NY - AI dialogbaserad chattbot", "65 500 SEK", "232 750 SEK"),
            ("Webb - vidareutveckling", "863 290 SEK", "1 729 240 SEK"),
            ("Wärna - vidareutveckla", "150 650 SEK", "278 820 SEK"),
            ("DraftIT", "26 200 SEK", "86 200 SEK"),
            ("Uniform - vidmakthållande", "114 000 SEK", "100 000 SEK"),
            ("2C8 - Licens, drift och supportkostnader", "0 SEK", "138 000 SEK"),
        ];
        let plan = plan();
        for (name, business, it) in cases {
            let goal = plan.initiatives.iter().find(|i| i.name == name).expect(name);
            assert_eq!(goal.business.cost(plan.settings.business_rate), doc(business), "{name}");
            assert_eq!(goal.it.cost(plan.settings.it_rate), doc(it), "{name}");
        }
    }

    #[test]
    fn each_main_activity_has_the_documents_number_of_goals() {
        let plan = plan();
        let count = |a: MainActivity| plan.initiatives.iter().filter(|i| i.main_activity == a).count();
        assert_eq!(ACTIVITIES.map(count), [1, 12, 14, 12]);
        assert_eq!(plan.status, PlanStatus::Approved);
        let prio = plan.initiatives.iter().filter(|i| i.priority == Some(1)).count();
        assert_eq!(prio, 15, "the 14 goals of Ändringshantering and 2C8 under Användarstöd");
    }

    #[test]
    fn the_object_has_thirteen_products_whose_components_all_exist() {
        let data = dataset();
        assert_eq!(data.products.len(), 13);
        assert_eq!(data.it_components.len(), 48);
        for product in &data.products {
            for name in &product.it_components {
                assert!(data.it_components.iter().any(|c| &c.name == name), "{name} of {}", product.name);
            }
            for name in &product.business_components {
                assert!(data.business_components.iter().any(|c| &c.name == name), "{name}");
            }
        }
        for component in &data.it_components {
            assert!(data.products.iter().any(|p| p.it_components.contains(&component.name)), "{}", component.name);
        }
        assert!(data.products[12].it_components.is_empty());
        assert_eq!(data.products[3].it_components, ["Arkivportal (Portal)", "Klara", "LTA"]);
    }

    #[test]
    fn the_akn_suppliers_include_formpipe_sogeti_and_flexeurope() {
        let data = dataset();
        for supplier in ["Formpipe", "Sogeti", "Flexeurope AB"] {
            assert_eq!(data.suppliers.iter().filter(|s| *s == supplier).count(), 1, "{supplier}");
        }
        let supplier = |name: &str| data.it_components.iter().find(|c| c.name == name).and_then(|c| c.supplier.clone());
        assert_eq!(supplier("W3D3").as_deref(), Some("Formpipe"));
        assert_eq!(supplier("Retriever"), None);
        assert_eq!(supplier("API-nyckelgenerator"), None);
        assert!(data.it_components.iter().all(|c| !c.description.contains("Leverantör")));
    }

    #[test]
    fn people_get_ascii_addresses_and_their_roles_on_akn() {
        let data = dataset();
        assert_eq!(data.people.len(), 23);
        assert_eq!(email("Krister Siggesjö"), "krister.siggesjo@linkoping.example");
        assert_eq!(email("Fadi El-Belbol"), "fadi.el-belbol@linkoping.example");
        assert_eq!(email("Karin Almerén"), "karin.almeren@linkoping.example");
        assert_eq!(email("Kicki Särnqvist"), "kicki.sarnqvist@linkoping.example");
        let holders =
            |role: Role| data.roles.iter().filter(|r| r.role == role && r.object.as_deref() == Some("AKN")).count();
        assert_eq!(holders(Role::ObjectOwnerBusiness), 1);
        assert_eq!(holders(Role::ObjectLeaderIt), 1);
        assert_eq!(holders(Role::SpecialistBusiness), 14);
        assert_eq!(holders(Role::SpecialistIt), 5);
        assert!(data.roles.iter().all(|r| data.people.iter().any(|p| p.email == r.email)));
    }
}
