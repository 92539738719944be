//! The other objects, synthetic: the objects of the guideline (001) with
//! their line organisations, products, components, people and plans for
//! 2020 and 2021, plus AKN's 2021 plan continuing its transcribed 2020 goals.
//!
//! Everything is deterministic: where numbers vary (the 2021 plans, the
//! statuses and scores) they are derived from a hash of the names.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::dataset::{
    effort, literal, BusinessComponentSeed, Dataset, InitiativeComponentSeed, InitiativeSeed, ItComponentSeed,
    ObjectSeed, PersonSeed, PlanYearSeed, PortfolioSeed, ProductSeed, RoleSeed,
};
use crate::domain::{
    AssignmentType, Hours, InitiativeStatus, MainActivity, Money, ObjectCategory, PlanSettings, PlanStatus, Role,
    Scores, SideEffort,
};

/// The line organisations of 001, section 2.2.
const LINE_ORGANISATIONS: [&str; 8] = [
    "Integrations- och arbetsmarknadsförvaltningen",
    "Socialförvaltningen",
    "Vård- och omsorgsförvaltningen",
    "Utbildningsförvaltningen",
    "Kultur- och fritidsförvaltningen",
    "Miljö- och samhällsbyggnadsförvaltningen",
    "Kommunledningsförvaltningen",
    "Verksamhetsstöd och service",
];

/// AKN, whose 2020 plan is transcribed elsewhere and continued here.
const AKN: &str = "AKN";

/// AKN's two new initiatives for 2021.
const AKN_NEW_2021: &[Goal] = &[
    ("NY - Webbtillgänglighetsdirektivet", CHG, VU, Some(1), ["300", "0", "200", "150000"]),
    ("NY - E-arkiv för avslutade verksamhetssystem", CHG, NY, Some(2), ["200", "0", "250", "120000"]),
];

/// Portfolio-wide people: an administrator, two PSG members and one reader.
const PORTFOLIO_PEOPLE: &[Person] = &[
    ("Alva Lind", "alva.lind@linkoping.example", Role::Administrator),
    ("Cecilia Wahlström", "cecilia.wahlstrom@linkoping.example", Role::PsgMember),
    ("Henrik Norberg", "henrik.norberg@linkoping.example", Role::PsgMember),
    ("Elin Forsberg", "elin.forsberg@linkoping.example", Role::Reader),
];

const GOV: MainActivity = MainActivity::Governance;
const SUP: MainActivity = MainActivity::UserSupport;
const CHG: MainActivity = MainActivity::ChangeManagement;
const OPS: MainActivity = MainActivity::Operations;
const VM: AssignmentType = AssignmentType::Maintain;
const VU: AssignmentType = AssignmentType::Develop;
const NY: AssignmentType = AssignmentType::NewDevelopment;
const AV: AssignmentType = AssignmentType::Decommission;

/// Name, main activity, assignment type, priority, and business hours,
/// business other costs, IT hours, IT other costs as literals.
type Goal = (&'static str, MainActivity, AssignmentType, Option<i32>, [&'static str; 4]);

/// Name, e-mail, role on the object (or portfolio-wide).
type Person = (&'static str, &'static str, Role);

struct ItDef {
    name: &'static str,
    description: &'static str,
    supplier: Option<&'static str>,
    /// Other objects that use the component too.
    shared_with: &'static [&'static str],
}

struct ProductDef {
    name: &'static str,
    description: &'static str,
    business_components: &'static [&'static str],
    it_components: &'static [&'static str],
}

struct ObjectDef {
    code: &'static str,
    name: &'static str,
    category: ObjectCategory,
    description: &'static str,
    nearby: &'static [&'static str],
    business_components: &'static [(&'static str, &'static str)],
    products: &'static [ProductDef],
    it_components: &'static [ItDef],
    goals_2020: &'static [Goal],
    new_2021: &'static [Goal],
    people: &'static [Person],
}

const USER_MATERIAL: &str = "Användarstödsmaterial och utbildningsmaterial";
const GOVERNING: &str = "Objektspecifika styrande dokument";
const TEMPLATES: &str = "Mallar";
const METHODS: &str = "Metoder";
const ROUTINES: &str = "Rutiner";
const CLASSIFICATION: &str = "Informationsklassningar";
const HANDBOOK: &str = "Handbok";
const TECH_DOCS: &str = "Teknisk dokumentation";

const fn it(
    name: &'static str,
    description: &'static str,
    supplier: Option<&'static str>,
    shared_with: &'static [&'static str],
) -> ItDef {
    ItDef { name, description, supplier, shared_with }
}

const fn product(
    name: &'static str,
    description: &'static str,
    business_components: &'static [&'static str],
    it_components: &'static [&'static str],
) -> ProductDef {
    ProductDef { name, description, business_components, it_components }
}

const OBJECTS: &[ObjectDef] = &[
    ObjectDef {
        code: "VSOA",
        name: "Vård, stöd, omsorg och arbetsmarknad",
        category: ObjectCategory::Core,
        description: "Kärnobjekt som stöttar verksamhetsprocesserna inom Integrations- och \
            arbetsmarknadsförvaltningen, Socialförvaltningen och Vård- och omsorgsförvaltningen: \
            hälso- och sjukvård, omsorg, individ- och familjeomsorg samt arbetsmarknadsinsatser.",
        nearby: &["AKN", "EHR", "FST"],
        business_components: &[
            (
                USER_MATERIAL,
                "Lathundar, instruktionsfilmer och utbildningsmaterial för Lifecare, Treserva och Appva MCSS.",
            ),
            (
                GOVERNING,
                "Riktlinjer för dokumentation inom socialtjänst och hälso- och sjukvård samt för behörighetsstyrning.",
            ),
            (TEMPLATES, "Mallar för utredning, beslut och genomförandeplaner."),
            (METHODS, "Metodstöd för BBIC, IBIC och strukturerad dokumentation."),
            (ROUTINES, "Rutiner för loggkontroll, sekretess och samordnad individuell plan."),
            (CLASSIFICATION, "Informationsklassning av verksamhetssystemen inom vård, stöd och omsorg."),
        ],
        products: &[
            product(
                "Stöd för dokumentation inom hälso- och sjukvård och omsorg",
                "Samlat stöd för journalföring, läkemedelshantering och social dokumentation hos utförare.",
                &[USER_MATERIAL, GOVERNING, TEMPLATES, METHODS, CLASSIFICATION],
                &["Lifecare", "Appva MCSS"],
            ),
            product(
                "Stöd för handläggning inom individ- och familjeomsorg",
                "Samlat stöd för att ta emot anmälningar, utreda, besluta och följa upp insatser.",
                &[USER_MATERIAL, GOVERNING, TEMPLATES, METHODS, ROUTINES],
                &["Treserva", "Procapita"],
            ),
            product(
                "Stöd för hemtjänst och trygghetslarm",
                "Samlat stöd för planering och registrering av besök, digitala lås och trygghetslarm.",
                &[USER_MATERIAL, ROUTINES],
                &["Phoniro Care", "Tunstall Larmplattform", "Lifecare"],
            ),
            product(
                "Stöd för arbetsmarknadsinsatser och ekonomiskt bistånd",
                "Samlat stöd för handläggning av ekonomiskt bistånd och uppföljning av arbetsmarknadsinsatser.",
                &[USER_MATERIAL, GOVERNING, TEMPLATES],
                &["Procapita", "Treserva"],
            ),
        ],
        it_components: &[
            it(
                "Lifecare",
                "Verksamhetssystem för hälso- och sjukvård samt omsorg (utförare och myndighet).",
                Some("Tietoevry"),
                &[],
            ),
            it("Treserva", "Verksamhetssystem för individ- och familjeomsorg samt funktionsstöd.", Some("CGI"), &[]),
            it(
                "Procapita",
                "Äldre verksamhetssystem för ekonomiskt bistånd och arbetsmarknad, under avveckling.",
                Some("Tietoevry"),
                &[],
            ),
            it("Appva MCSS", "Digital signering av läkemedel och insatser.", Some("Appva AB"), &[]),
            it("Phoniro Care", "Digitala lås och besöksregistrering i hemtjänsten.", Some("Phoniro Systems AB"), &[]),
            it("Tunstall Larmplattform", "Larmmottagning för trygghetslarm.", Some("Tunstall Healthcare AB"), &[]),
        ],
        goals_2020: &[
            ("OL - löpande förvaltningsstyrning", GOV, VM, None, ["1700", "0", "1100", "0"]),
            ("Leverantörssamverkan och avtalsuppföljning", GOV, VM, None, ["300", "0", "250", "0"]),
            ("Lifecare - vidmakthållande", SUP, VM, None, ["2400", "40000", "900", "0"]),
            ("Treserva - vidmakthållande", SUP, VM, None, ["2000", "0", "800", "0"]),
            ("Procapita - vidmakthållande", SUP, VM, None, ["600", "0", "350", "0"]),
            ("Appva MCSS - användarstöd och utbildning", SUP, VU, Some(2), ["450", "25000", "120,5", "0"]),
            ("Lifecare - vidareutveckling", CHG, VU, Some(1), ["1800", "0", "1400", "350000"]),
            ("Treserva - vidareutveckling", CHG, VU, Some(2), ["1200", "0", "900", "150000"]),
            ("NY - Digital signering", CHG, NY, Some(1), ["600", "0", "400", "250000"]),
            ("NY - Digital tillsyn inom nattomsorgen", CHG, NY, Some(2), ["350", "0", "250", "120000"]),
            ("Avveckling Procapita", CHG, AV, Some(2), ["400", "0", "600", "180000"]),
            ("Phoniro Care - vidareutveckling", CHG, VU, Some(3), ["250", "0", "200", "0"]),
            ("Lifecare - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "4200000"]),
            ("Treserva - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "2650000"]),
            ("Procapita - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "900000"]),
            ("Appva MCSS - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "620000"]),
            ("Phoniro Care - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "480000"]),
            ("Tunstall Larmplattform - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "40", "1100000"]),
        ],
        new_2021: &[
            ("NY - Digitala hembesök", CHG, NY, Some(2), ["300", "0", "250", "90000"]),
            ("Treserva - e-tjänst för orosanmälan", CHG, VU, Some(1), ["250", "0", "300", "60000"]),
        ],
        people: &[
            ("Annika Berglund", "annika.berglund@linkoping.example", Role::ObjectOwnerBusiness),
            ("Peter Holmgren", "peter.holmgren@linkoping.example", Role::ObjectOwnerIt),
            ("Sofia Lundqvist", "sofia.lundqvist@linkoping.example", Role::ObjectLeaderBusiness),
            ("Mikael Strand", "mikael.strand@linkoping.example", Role::ObjectLeaderIt),
            ("Helena Björk", "helena.bjork@linkoping.example", Role::SpecialistBusiness),
            ("Ahmed Karimi", "ahmed.karimi@linkoping.example", Role::SpecialistIt),
        ],
    },
    ObjectDef {
        code: "UKF",
        name: "Utbildning, kultur och fritid",
        category: ObjectCategory::Core,
        description: "Kärnobjekt som stöttar verksamhetsprocesserna inom Utbildningsförvaltningen och \
            Kultur- och fritidsförvaltningen: förskola, grund- och gymnasieskola, vuxenutbildning, \
            bibliotek och fritid.",
        nearby: &["AKN", "KOP", "FST"],
        business_components: &[
            (USER_MATERIAL, "Manualer för lärare, vårdnadshavare och elever i Unikum, Tieto Edu och Skola24."),
            (GOVERNING, "Riktlinjer för dokumentation av elevers lärande, närvaro och betyg."),
            (TEMPLATES, "Mallar för individuella utvecklingsplaner, åtgärdsprogram och omdömen."),
            (METHODS, "Metod för läsårsskifte och skolstart."),
            (ROUTINES, "Rutiner för elevkonton, skyddade personuppgifter och betygsrapportering."),
        ],
        products: &[
            product(
                "Stöd för elevadministration, schema och närvaro",
                "Samlat stöd för placering, schemaläggning, frånvarohantering och betyg.",
                &[USER_MATERIAL, GOVERNING, METHODS, ROUTINES],
                &["Tieto Edu", "Skola24"],
            ),
            product(
                "Stöd för dokumentation av lärande och kontakt med vårdnadshavare",
                "Samlat stöd för planering, bedömning och kommunikation med elever och vårdnadshavare.",
                &[USER_MATERIAL, GOVERNING, TEMPLATES],
                &["Unikum", "Google Workspace for Education"],
            ),
            product(
                "Stöd för vuxenutbildning",
                "Samlat stöd för ansökan, antagning och kursadministration inom vuxenutbildningen.",
                &[USER_MATERIAL, ROUTINES],
                &["Alvis"],
            ),
            product(
                "Stöd för bibliotek och lokalbokning",
                "Samlat stöd för bibliotekens medieflöde och bokning av idrotts- och kulturlokaler.",
                &[USER_MATERIAL, ROUTINES],
                &["Quria", "Interbook Go"],
            ),
        ],
        it_components: &[
            it("Tieto Edu", "Elevadministration, närvaro och betyg för förskola och skola.", Some("Tietoevry"), &[]),
            it(
                "Unikum",
                "Lärplattform för dokumentation av lärande och kontakt med vårdnadshavare.",
                Some("Unikum"),
                &[],
            ),
            it("Skola24", "Schemaläggning och frånvaroregistrering.", Some("Skola24 AB"), &[]),
            it("Alvis", "Elevadministration för vuxenutbildning.", Some("Alvis AB"), &[]),
            it("Quria", "Bibliotekssystem för folk- och skolbibliotek.", Some("Axiell Sverige AB"), &[]),
            it("Interbook Go", "Bokning av idrottshallar, lokaler och föreningsbidrag.", Some("Interbook AB"), &[]),
            it("Google Workspace for Education", "Samarbetsverktyg och elevkonton i skolan.", Some("Google"), &[]),
        ],
        goals_2020: &[
            ("OL - löpande förvaltningsstyrning", GOV, VM, None, ["1500", "0", "900", "0"]),
            ("Samordning av skolans digitala verktyg", GOV, VU, Some(2), ["300", "0", "100", "0"]),
            ("Tieto Edu - vidmakthållande", SUP, VM, None, ["1600", "0", "600", "0"]),
            ("Unikum - vidmakthållande", SUP, VM, None, ["900", "30000", "200", "0"]),
            ("Skola24 - vidmakthållande", SUP, VM, None, ["300", "0", "100", "0"]),
            ("Alvis - vidmakthållande", SUP, VM, None, ["250", "0", "82,5", "0"]),
            ("Quria - vidmakthållande", SUP, VM, None, ["350", "0", "150", "0"]),
            ("Tieto Edu - vidareutveckling", CHG, VU, Some(1), ["900", "0", "700", "200000"]),
            ("Unikum - vidareutveckling", CHG, VU, Some(2), ["500", "0", "250", "0"]),
            ("NY - Digital frånvaroanmälan", CHG, NY, Some(1), ["300", "0", "350", "150000"]),
            ("Interbook Go - vidareutveckling", CHG, VU, Some(3), ["150", "0", "100", "40000"]),
            ("Tieto Edu - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "2400000"]),
            ("Unikum - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "1150000"]),
            ("Skola24 - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "380000"]),
            ("Alvis - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "260000"]),
            ("Quria - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "520000"]),
            ("Interbook Go - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "210000"]),
            ("Google Workspace for Education - Licens och administration", OPS, VM, None, ["0", "0", "300", "180000"]),
            ("Läsårsskifte - drift och kontroll", OPS, VM, None, ["120", "0", "400", "0"]),
        ],
        new_2021: &[("NY - Elevkonton och skolidentitet", CHG, NY, Some(2), ["150", "0", "400", "120000"])],
        people: &[
            ("Karin Sandberg", "karin.sandberg@linkoping.example", Role::ObjectOwnerBusiness),
            ("Thomas Engström", "thomas.engstrom@linkoping.example", Role::ObjectOwnerIt),
            ("Emma Lindgren", "emma.lindgren@linkoping.example", Role::ObjectLeaderBusiness),
            ("Jonas Åberg", "jonas.aberg@linkoping.example", Role::ObjectLeaderIt),
            ("Lina Nyström", "lina.nystrom@linkoping.example", Role::SpecialistBusiness),
        ],
    },
    ObjectDef {
        code: "SAM",
        name: "Samhällsbyggnad",
        category: ObjectCategory::Core,
        description: "Kärnobjekt som stöttar verksamhetsprocesserna inom Miljö- och \
            samhällsbyggnadsförvaltningen: bygglov, detaljplanering, miljö- och hälsoskydd samt \
            geografisk information.",
        nearby: &["AKN", "KOP", "FST"],
        business_components: &[
            (USER_MATERIAL, "Handledningar för ByggR, EDP Vision och kommunens kartverktyg."),
            (GOVERNING, "Riktlinjer för ärendehantering enligt plan- och bygglagen och miljöbalken."),
            (TEMPLATES, "Beslutsmallar för bygglov, tillsyn och livsmedelskontroll."),
            (METHODS, "Metod för digital detaljplaneprocess och geodatasamverkan."),
            (HANDBOOK, "Handbok för kartproduktion och geodatakvalitet."),
        ],
        products: &[
            product(
                "Stöd för bygglovshantering",
                "Samlat stöd för att ta emot, handlägga, besluta och arkivera bygglovsärenden.",
                &[USER_MATERIAL, GOVERNING, TEMPLATES],
                &["ByggR", "Public 360"],
            ),
            product(
                "Stöd för miljö- och hälsoskyddstillsyn",
                "Samlat stöd för tillsyn, livsmedelskontroll och avgiftsdebitering.",
                &[USER_MATERIAL, GOVERNING, TEMPLATES],
                &["EDP Vision"],
            ),
            product(
                "Stöd för kartor och geografisk information",
                "Samlat stöd för att samla in, förvalta och tillgängliggöra geodata.",
                &[USER_MATERIAL, METHODS, HANDBOOK],
                &["ArcGIS", "Geosecma", "Lantmäteriets Geotorget"],
            ),
            product(
                "Stöd för detaljplanering",
                "Samlat stöd för att ta fram digitala detaljplaner.",
                &[GOVERNING, METHODS],
                &["Geosecma", "ByggR", "ArcGIS"],
            ),
        ],
        it_components: &[
            it("ByggR", "Ärendehanteringssystem för bygglov och planärenden.", Some("Sokigo"), &[]),
            it("Geosecma", "Kartapplikationer och geodataförvaltning ovanpå ArcGIS.", Some("Sokigo"), &[]),
            it("ArcGIS", "GIS-plattform för kartor och geografisk analys.", Some("Esri Sverige AB"), &[]),
            it(
                "EDP Vision",
                "Verksamhetssystem för miljö- och hälsoskydd och livsmedelskontroll.",
                Some("EDP Consult AB"),
                &[],
            ),
            it(
                "Lantmäteriets Geotorget",
                "Fastighetsinformation och geodata från Lantmäteriet.",
                Some("Lantmäteriet"),
                &[],
            ),
        ],
        goals_2020: &[
            ("OL - löpande förvaltningsstyrning", GOV, VM, None, ["1000", "0", "600", "0"]),
            ("ByggR - vidmakthållande", SUP, VM, None, ["900", "0", "300", "0"]),
            ("EDP Vision - vidmakthållande", SUP, VM, None, ["500", "0", "150", "0"]),
            ("GIS - användarstöd och utbildning", SUP, VM, None, ["400", "20000", "247,5", "0"]),
            ("ByggR - vidareutveckling", CHG, VU, Some(1), ["600", "0", "450", "250000"]),
            ("NY - Digitala detaljplaner", CHG, NY, Some(1), ["700", "0", "500", "300000"]),
            ("Geosecma - vidareutveckling", CHG, VU, Some(2), ["250", "0", "300", "80000"]),
            ("EDP Vision - e-tjänster för livsmedelskontroll", CHG, VU, Some(3), ["200", "0", "150", "60000"]),
            ("ByggR - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "950000"]),
            ("EDP Vision - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "420000"]),
            ("ArcGIS och Geosecma - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "60", "1350000"]),
            ("Lantmäteriets Geotorget - avgifter och drift", OPS, VM, None, ["0", "0", "40", "380000"]),
            ("Geodata - uppdatering och kvalitetskontroll", OPS, VM, None, ["300", "0", "200", "0"]),
        ],
        new_2021: &[
            ("NY - E-tjänst för strandskyddsdispens", CHG, NY, Some(2), ["150", "0", "200", "70000"]),
            ("ByggR - automatiserad handläggning av enkla ärenden", CHG, VU, Some(1), ["300", "0", "350", "150000"]),
        ],
        people: &[
            ("Göran Hedlund", "goran.hedlund@linkoping.example", Role::ObjectOwnerBusiness),
            ("Camilla Ek", "camilla.ek@linkoping.example", Role::ObjectOwnerIt),
            ("Oskar Wallin", "oskar.wallin@linkoping.example", Role::ObjectLeaderBusiness),
            ("Maja Forslund", "maja.forslund@linkoping.example", Role::ObjectLeaderIt),
            ("Erik Sjöholm", "erik.sjoholm@linkoping.example", Role::SpecialistBusiness),
            ("Sara Ljung", "sara.ljung@linkoping.example", Role::SpecialistIt),
        ],
    },
    ObjectDef {
        code: "KOP",
        name: "Kommunövergripande processer",
        category: ObjectCategory::Support,
        description: "Stödobjekt för de kommungemensamma förvaltningarna Kommunledningsförvaltningen \
            och Verksamhetsstöd och service, som i sin tur stöttar alla andra förvaltningar: \
            dokument- och ärendehantering, e-tjänster, planering och uppföljning samt kontaktcenter.",
        nearby: &["SAM", "EHR", "FST"],
        business_components: &[
            (USER_MATERIAL, "Lathundar för diarieföring i Public 360, Platina och byggande av e-tjänster."),
            (GOVERNING, "Dokumenthanteringsplaner, informationshanteringsplaner och riktlinjer för e-tjänster."),
            (TEMPLATES, "Kommungemensamma mallar för tjänsteskrivelser och protokoll."),
            (METHODS, "Metod för processkartläggning inför digitalisering av e-tjänster."),
            (ROUTINES, "Rutiner för registrering, gallring och leverans till e-arkiv."),
            (CLASSIFICATION, "Informationsklassning av kommungemensamma informationsmängder."),
        ],
        products: &[
            product(
                "Stöd för dokument- och ärendehantering",
                "Samlat stöd för att registrera, handlägga och dela handlingar och ärenden.",
                &[USER_MATERIAL, GOVERNING, TEMPLATES, ROUTINES],
                &["Public 360", "Platina", "Microsoft 365"],
            ),
            product(
                "Stöd för e-tjänster och självservice",
                "Samlat stöd för att bygga och förvalta e-tjänster för invånare och företag.",
                &[USER_MATERIAL, METHODS],
                &["Open ePlatform"],
            ),
            product(
                "Stöd för verksamhetsplanering och uppföljning",
                "Samlat stöd för mål, verksamhetsplaner och uppföljning i hela kommunen.",
                &[USER_MATERIAL, GOVERNING],
                &["Stratsys"],
            ),
            product(
                "Stöd för kontaktcenter och växel",
                "Samlat stöd för telefoni, kö och ärendeloggning i kontaktcenter.",
                &[USER_MATERIAL, ROUTINES, CLASSIFICATION],
                &["Telia ACE"],
            ),
        ],
        it_components: &[
            it(
                "Public 360",
                "Dokument- och ärendehanteringssystem, diarium för flera nämnder.",
                Some("Tietoevry"),
                &["SAM"],
            ),
            it(
                "Platina",
                "Dokument- och ärendehantering för de kommungemensamma förvaltningarnas avtalsregister.",
                Some("Formpipe"),
                &[],
            ),
            it("Open ePlatform", "Plattform för e-tjänster och Mina sidor.", Some("Netcentric Technology AB"), &[]),
            it("Stratsys", "Verksamhetsplanering, mål och uppföljning.", Some("Stratsys AB"), &[]),
            it("Telia ACE", "Kontaktcenter- och växellösning.", Some("Telia Sverige AB"), &[]),
        ],
        goals_2020: &[
            ("OL - löpande förvaltningsstyrning", GOV, VM, None, ["1200", "0", "700", "0"]),
            ("Informationsförvaltning och informationsklassning", GOV, VU, Some(2), ["400", "0", "200", "0"]),
            ("Public 360 - vidmakthållande", SUP, VM, None, ["1400", "0", "500", "0"]),
            ("Platina - vidmakthållande", SUP, VM, None, ["500", "0", "200", "0"]),
            ("Stratsys - vidmakthållande", SUP, VM, None, ["350", "0", "80", "0"]),
            ("Telia ACE - vidmakthållande", SUP, VM, None, ["400", "0", "250", "0"]),
            ("Public 360 - vidareutveckling", CHG, VU, Some(1), ["700", "0", "500", "200000"]),
            ("Open ePlatform - nya e-tjänster", CHG, VU, Some(1), ["600", "0", "700", "0"]),
            ("NY - Digital signering av beslut", CHG, NY, Some(2), ["250", "0", "300", "150000"]),
            ("Microsoft 365 - Teams i ärendeprocessen", CHG, VU, Some(3), ["200", "0", "150", "0"]),
            ("Public 360 - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "1600000"]),
            ("Platina - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "650000"]),
            ("Stratsys - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "480000"]),
            ("Telia ACE - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "1250000"]),
            ("Open ePlatform - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "60", "300000"]),
        ],
        new_2021: &[
            ("NY - Digitala nämndhandlingar", CHG, NY, Some(2), ["300", "0", "250", "100000"]),
            ("Telia ACE - chatt och röstbrevlåda", CHG, VU, Some(3), ["150", "0", "200", "50000"]),
        ],
        people: &[
            ("Lena Håkansson", "lena.hakansson@linkoping.example", Role::ObjectOwnerBusiness),
            ("Stefan Nordin", "stefan.nordin@linkoping.example", Role::ObjectOwnerIt),
            ("Anna Östlund", "anna.ostlund@linkoping.example", Role::ObjectLeaderBusiness),
            ("Daniel Persson", "daniel.persson@linkoping.example", Role::ObjectLeaderIt),
            ("Johanna Kvist", "johanna.kvist@linkoping.example", Role::SpecialistBusiness),
        ],
    },
    ObjectDef {
        code: "EHR",
        name: "Ekonomi och HR",
        category: ObjectCategory::Support,
        description: "Stödobjekt för de kommungemensamma processerna inom ekonomi, lön, HR och inköp, \
            med Kommunledningsförvaltningen och Verksamhetsstöd och service som huvudsakliga \
            beställare och alla förvaltningar som användare.",
        nearby: &["AKN", "KOP", "FST"],
        business_components: &[
            (USER_MATERIAL, "Manualer för chefer och medarbetare i Heroma, Raindance och Proceedo."),
            (GOVERNING, "Attestregler, styrdokument för löneprocessen och riktlinjer för inköp."),
            (TEMPLATES, "Mallar för budget, prognos och anställningsavtal."),
            (METHODS, "Metod för månadsbokslut och kontroll av lönekörningar."),
            (ROUTINES, "Rutiner för behörigheter, attestförändringar och systemstöd vid omorganisation."),
        ],
        products: &[
            product(
                "Stöd för ekonomi och redovisning",
                "Samlat stöd för redovisning, budget, prognos och bokslut.",
                &[USER_MATERIAL, GOVERNING, TEMPLATES, METHODS],
                &["Raindance", "Hypergene"],
            ),
            product(
                "Stöd för lön och personaladministration",
                "Samlat stöd för anställning, schema, tidrapportering och lön.",
                &[USER_MATERIAL, GOVERNING, METHODS, ROUTINES],
                &["Heroma", "Medvind"],
            ),
            product(
                "Stöd för inköp och e-handel",
                "Samlat stöd för beställning, fakturamatchning och avtalstrohet.",
                &[USER_MATERIAL, GOVERNING],
                &["Visma Proceedo", "Raindance"],
            ),
            product(
                "Stöd för rekrytering och rehabilitering",
                "Samlat stöd för rekryteringsprocessen och arbetsanpassning.",
                &[USER_MATERIAL, TEMPLATES, ROUTINES],
                &["ReachMee", "Adato"],
            ),
        ],
        it_components: &[
            it("Raindance", "Ekonomisystem för redovisning och leverantörsfakturor.", Some("CGI"), &[]),
            it("Heroma", "Personal- och lönesystem med självservice.", Some("CGI"), &[]),
            it("Visma Proceedo", "E-handel och inköpssystem.", Some("Visma"), &[]),
            it("Hypergene", "Budget, prognos och ekonomisk uppföljning.", Some("Hypergene AB"), &[]),
            it("Medvind", "Schemaläggning och bemanning.", Some("Visma"), &[]),
            it("ReachMee", "Rekryteringssystem.", Some("ReachMee AB"), &[]),
            it("Adato", "Stöd för rehabilitering och arbetsanpassning.", Some("Adato Software AB"), &[]),
        ],
        goals_2020: &[
            ("OL - löpande förvaltningsstyrning", GOV, VM, None, ["1300", "0", "750", "0"]),
            ("Leverantörssamverkan CGI", GOV, VM, None, ["150", "0", "150", "0"]),
            ("Raindance - vidmakthållande", SUP, VM, None, ["1200", "0", "400", "0"]),
            ("Heroma - vidmakthållande", SUP, VM, None, ["1800", "0", "600", "0"]),
            ("Medvind - vidmakthållande", SUP, VM, None, ["600", "0", "200", "0"]),
            ("Visma Proceedo - vidmakthållande", SUP, VM, None, ["450", "0", "150", "0"]),
            ("Heroma - vidareutveckling", CHG, VU, Some(1), ["800", "0", "600", "200000"]),
            ("Raindance - vidareutveckling", CHG, VU, Some(2), ["500", "0", "400", "100000"]),
            ("Hypergene - budget och prognos", CHG, VU, Some(2), ["300", "0", "200", "60000"]),
            ("ReachMee - integration mot Heroma", CHG, VU, Some(3), ["150", "0", "250", "80000"]),
            ("NY - Digital medarbetarresa", CHG, NY, None, ["200", "0", "150", "0"]),
            ("Raindance - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "1900000"]),
            ("Heroma - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "2600000"]),
            ("Medvind - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "700000"]),
            ("Visma Proceedo - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "540000"]),
            ("Hypergene - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "360000"]),
            ("ReachMee - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "280000"]),
            ("Adato - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "190000"]),
        ],
        new_2021: &[
            ("Heroma - självservice för schemaändringar", CHG, VU, Some(1), ["250", "0", "300", "90000"]),
            ("Visma Proceedo - e-handel för fler kategorier", CHG, VU, Some(2), ["200", "0", "150", "40000"]),
        ],
        people: &[
            ("Birgitta Månsson", "birgitta.mansson@linkoping.example", Role::ObjectOwnerBusiness),
            ("Patrik Lundberg", "patrik.lundberg@linkoping.example", Role::ObjectOwnerIt),
            ("Eva Söderström", "eva.soderstrom@linkoping.example", Role::ObjectLeaderBusiness),
            ("Fredrik Axelsson", "fredrik.axelsson@linkoping.example", Role::ObjectLeaderIt),
            ("Nadia Haddad", "nadia.haddad@linkoping.example", Role::SpecialistBusiness),
            ("Viktor Lind", "viktor.lind@linkoping.example", Role::SpecialistIt),
        ],
    },
    ObjectDef {
        code: "FST",
        name: "Förutsättningsskapande teknik",
        category: ObjectCategory::Technical,
        description: "Objekt för tekniska förutsättningar som stöttar alla objekt och förvaltningar: \
            basplattan i it-miljön och den digitala arbetsplatsen, identiteter och behörigheter, \
            it-servicehantering, drift, nätverk och säkerhet.",
        nearby: &["AKN", "VSOA", "UKF", "SAM", "KOP", "EHR"],
        business_components: &[
            (USER_MATERIAL, "Guider för Microsoft 365, inloggning och självservice i ServiceNow."),
            (GOVERNING, "It-säkerhetsregler, riktlinjer för behörigheter och tekniska standarder."),
            (TEMPLATES, "Mallar för ändringsbegäran och driftöverlämning."),
            (METHODS, "Metod för livscykelhantering av plattformar och klienter."),
            (ROUTINES, "Rutiner för incident-, problem- och ändringshantering samt backup och återläsning."),
            (TECH_DOCS, "Arkitektur- och driftdokumentation för basplattan."),
        ],
        products: &[
            product(
                "Stöd för den digitala arbetsplatsen",
                "Samlat stöd för e-post, samarbete, kontorsprogram och virtuella skrivbord.",
                &[USER_MATERIAL, GOVERNING, ROUTINES],
                &["Microsoft 365", "Citrix Virtual Apps"],
            ),
            product(
                "Stöd för identiteter och behörigheter",
                "Samlat stöd för konton, grupper, inloggning och behörighetsstyrning.",
                &[GOVERNING, ROUTINES, TECH_DOCS],
                &["Active Directory"],
            ),
            product(
                "Stöd för it-servicehantering",
                "Samlat stöd för ärenden, beställningar och ändringar till it-avdelningen.",
                &[USER_MATERIAL, TEMPLATES, ROUTINES],
                &["ServiceNow"],
            ),
            product(
                "Stöd för serverdrift, lagring och backup",
                "Samlat stöd för virtualisering, lagring och säkerhetskopiering.",
                &[METHODS, ROUTINES, TECH_DOCS],
                &["VMware vSphere", "Veeam Backup"],
            ),
            product(
                "Stöd för nätverk, säkerhet och integration",
                "Samlat stöd för kommunnätet, brandväggar och integrationer mellan system.",
                &[GOVERNING, METHODS, TECH_DOCS],
                &["Palo Alto brandvägg", "Integrationsplattform"],
            ),
        ],
        it_components: &[
            it(
                "Microsoft 365",
                "E-post, Teams, SharePoint Online och Office för alla medarbetare.",
                Some("Microsoft"),
                &["KOP"],
            ),
            it("Active Directory", "Katalogtjänst för konton, grupper och inloggning.", Some("Microsoft"), &[]),
            it("ServiceNow", "Plattform för it-servicehantering och självservice.", Some("ServiceNow"), &[]),
            it("Citrix Virtual Apps", "Publicering av applikationer och virtuella skrivbord.", Some("Citrix"), &[]),
            it("VMware vSphere", "Virtualiseringsplattform i kommunens datacenter.", Some("Atea Sverige AB"), &[]),
            it("Veeam Backup", "Säkerhetskopiering och återläsning.", Some("Atea Sverige AB"), &[]),
            it("Palo Alto brandvägg", "Brandväggar och segmentering av kommunnätet.", Some("Advania Sverige AB"), &[]),
            it(
                "Integrationsplattform",
                "Egenutvecklad och egendriftad plattform för integrationer mellan verksamhetssystem.",
                None,
                &[],
            ),
        ],
        goals_2020: &[
            ("OL - löpande förvaltningsstyrning", GOV, VM, None, ["900", "0", "1500", "0"]),
            ("Arkitekturstyrning och teknisk livscykelplan", GOV, VM, None, ["100", "0", "600", "0"]),
            ("Microsoft 365 - användarstöd och utbildning", SUP, VM, None, ["600", "50000", "1200", "0"]),
            ("ServiceNow - vidmakthållande", SUP, VM, None, ["200", "0", "900", "0"]),
            ("Citrix Virtual Apps - vidmakthållande", SUP, VM, None, ["0", "0", "700", "0"]),
            ("Microsoft 365 - vidareutveckling", CHG, VU, Some(1), ["400", "0", "1600", "300000"]),
            ("NY - Multifaktorautentisering", CHG, NY, Some(1), ["100", "0", "900", "250000"]),
            ("ServiceNow - vidareutveckling", CHG, VU, Some(2), ["150", "0", "700", "200000"]),
            ("Active Directory - sanering och behörighetsmodell", CHG, VU, Some(2), ["50", "0", "800", "0"]),
            ("Microsoft 365 - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "9800000"]),
            ("Active Directory - drift och underhåll", OPS, VM, None, ["0", "0", "1400", "0"]),
            ("ServiceNow - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "1900000"]),
            ("Citrix Virtual Apps - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "0", "1300000"]),
            ("VMware vSphere - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "800", "2100000"]),
            ("Veeam Backup - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "300", "650000"]),
            ("Palo Alto brandvägg - Licens, drift och supportkostnader", OPS, VM, None, ["0", "0", "1200", "1800000"]),
            ("Integrationsplattform - drift och underhåll", OPS, VM, None, ["0", "0", "900", "0"]),
        ],
        new_2021: &[
            ("NY - Lösenordsfri inloggning", CHG, NY, Some(2), ["50", "0", "500", "150000"]),
            ("Citrix Virtual Apps - flytt till molnbaserade skrivbord", CHG, VU, Some(3), ["0", "0", "600", "200000"]),
        ],
        people: &[
            ("Ulrika Falk", "ulrika.falk@linkoping.example", Role::ObjectOwnerBusiness),
            ("Magnus Ekholm", "magnus.ekholm@linkoping.example", Role::ObjectOwnerIt),
            ("Linnea Dahl", "linnea.dahl@linkoping.example", Role::ObjectLeaderBusiness),
            ("Robert Sundqvist", "robert.sundqvist@linkoping.example", Role::ObjectLeaderIt),
            ("Tobias Granath", "tobias.granath@linkoping.example", Role::SpecialistIt),
            ("Elif Demir", "elif.demir@linkoping.example", Role::SpecialistIt),
        ],
    },
];

/// Adds the line organisations, the objects of the guideline with their
/// contents, people and plans, and AKN's 2021 plan. Runs after `akn::add`
/// and never duplicates what is already there.
pub fn add(data: &mut Dataset) {
    for name in LINE_ORGANISATIONS {
        push_unique(&mut data.line_organisations, name);
    }
    for def in OBJECTS {
        add_object(data, def);
    }
    for &(name, email, role) in PORTFOLIO_PEOPLE {
        add_person(data, name, email);
        add_role(data, email, role, None);
    }
    add_akn_2021(data);
    add_portfolio_2021(data);
}

/// What the 2021 initiatives that change systems touch, as (object,
/// initiative, IT component): several objects need the integration
/// platform, Public 360 and the same suppliers at once.
const TOUCHES_2021: &[(&str, &str, &str)] = &[
    ("FST", "NY - Lösenordsfri inloggning", "Active Directory"),
    ("VSOA", "Treserva - e-tjänst för orosanmälan", "Treserva"),
    ("VSOA", "Treserva - e-tjänst för orosanmälan", "Integrationsplattform"),
    ("KOP", "NY - Digitala nämndhandlingar", "Public 360"),
    ("SAM", "ByggR - automatiserad handläggning av enkla ärenden", "ByggR"),
    ("SAM", "ByggR - automatiserad handläggning av enkla ärenden", "Public 360"),
    ("SAM", "ByggR - automatiserad handläggning av enkla ärenden", "Integrationsplattform"),
    ("EHR", "Heroma - självservice för schemaändringar", "Heroma"),
    ("EHR", "Heroma - självservice för schemaändringar", "Integrationsplattform"),
    ("AKN", "NY - E-arkiv för avslutade verksamhetssystem", "LTA"),
    ("UKF", "NY - Elevkonton och skolidentitet", "Tieto Edu"),
    ("VSOA", "NY - Digitala hembesök", "Lifecare"),
];

/// The steering group's 2021 order begins with the development work that
/// changes systems; everything else follows each object's own order.
const PORTFOLIO_HEAD_2021: &[(&str, &str)] = &[
    ("FST", "NY - Lösenordsfri inloggning"),
    ("VSOA", "Treserva - e-tjänst för orosanmälan"),
    ("KOP", "NY - Digitala nämndhandlingar"),
    ("SAM", "ByggR - automatiserad handläggning av enkla ärenden"),
    ("EHR", "Heroma - självservice för schemaändringar"),
    ("AKN", "NY - E-arkiv för avslutade verksamhetssystem"),
    ("UKF", "NY - Elevkonton och skolidentitet"),
    ("AKN", "NY - Webbtillgänglighetsdirektivet"),
];

/// The 2021 portfolio: the links above (where their initiative and
/// component are there), the head of the order, and IT-side hours of four
/// fifths of what the year's plans ask for, so the line shows.
fn add_portfolio_2021(data: &mut Dataset) {
    let exists = |object: &str, name: &str| {
        data.plan_years
            .iter()
            .any(|p| p.object == object && p.year == 2021 && p.initiatives.iter().any(|i| i.name == name))
    };
    let links: Vec<InitiativeComponentSeed> = TOUCHES_2021
        .iter()
        .filter(|(object, name, component)| {
            exists(object, name) && data.it_components.iter().any(|c| c.name == *component)
        })
        .map(|&(object, name, component)| InitiativeComponentSeed {
            object: object.to_owned(),
            year: 2021,
            initiative: name.to_owned(),
            it_component: component.to_owned(),
        })
        .collect();
    let head: Vec<(String, String)> = PORTFOLIO_HEAD_2021
        .iter()
        .filter(|(object, name)| exists(object, name))
        .map(|&(object, name)| (object.to_owned(), name.to_owned()))
        .collect();
    let asked: Decimal = data
        .plan_years
        .iter()
        .filter(|p| p.year == 2021)
        .flat_map(|p| &p.initiatives)
        .map(|i| i.it.hours.value())
        .sum();
    let hundreds = (asked * Decimal::new(8, 1) / Decimal::ONE_HUNDRED).round();
    let it_hours = Hours::parse(&(hundreds * Decimal::ONE_HUNDRED).to_string()).ok();
    for link in links {
        if !data.initiative_it_components.contains(&link) {
            data.initiative_it_components.push(link);
        }
    }
    if !data.portfolios.iter().any(|p| p.year == 2021) {
        data.portfolios.push(PortfolioSeed { year: 2021, it_hours, head });
    }
}

fn add_object(data: &mut Dataset, def: &ObjectDef) {
    if data.objects.iter().any(|o| o.code == def.code) {
        return;
    }
    data.objects.push(ObjectSeed {
        code: def.code.to_owned(),
        name: def.name.to_owned(),
        category: def.category,
        description: def.description.to_owned(),
        nearby: def.nearby.iter().map(|&c| c.to_owned()).collect(),
    });
    for &(name, description) in def.business_components {
        if !data.business_components.iter().any(|b| b.object == def.code && b.name == name) {
            data.business_components.push(BusinessComponentSeed {
                object: def.code.to_owned(),
                name: name.to_owned(),
                description: description.to_owned(),
            });
        }
    }
    for component in def.it_components {
        add_it_component(data, def.code, component);
    }
    for p in def.products {
        if !data.products.iter().any(|existing| existing.object == def.code && existing.name == p.name) {
            data.products.push(ProductSeed {
                object: def.code.to_owned(),
                name: p.name.to_owned(),
                description: p.description.to_owned(),
                business_components: p.business_components.iter().map(|&n| n.to_owned()).collect(),
                it_components: p.it_components.iter().map(|&n| n.to_owned()).collect(),
            });
        }
    }
    for &(name, email, role) in def.people {
        add_person(data, name, email);
        add_role(data, email, role, Some(def.code));
    }
    let plan_2020 = plan(def.code, 2020, def.goals_2020);
    let plan_2021 = continue_plan(&plan_2020, 2021, &plan(def.code, 2021, def.new_2021).initiatives);
    push_plan(data, plan_2020);
    push_plan(data, plan_2021);
}

/// Adds an IT component, or, when one of that name exists already, adds
/// this object (and the others sharing it) to its users.
fn add_it_component(data: &mut Dataset, object: &str, def: &ItDef) {
    let users = std::iter::once(object).chain(def.shared_with.iter().copied());
    if let Some(existing) = data.it_components.iter_mut().find(|c| c.name == def.name) {
        for code in users {
            push_unique(&mut existing.objects, code);
        }
        return;
    }
    if let Some(supplier) = def.supplier {
        push_unique(&mut data.suppliers, supplier);
    }
    data.it_components.push(ItComponentSeed {
        name: def.name.to_owned(),
        description: def.description.to_owned(),
        supplier: def.supplier.map(str::to_owned),
        objects: users.map(str::to_owned).collect(),
    });
}

fn add_person(data: &mut Dataset, name: &str, email: &str) {
    if !data.people.iter().any(|p| p.email.eq_ignore_ascii_case(email)) {
        data.people.push(PersonSeed { name: name.to_owned(), email: email.to_owned() });
    }
}

fn add_role(data: &mut Dataset, email: &str, role: Role, object: Option<&str>) {
    let seed = RoleSeed { email: email.to_owned(), role, object: object.map(str::to_owned) };
    if !data.roles.contains(&seed) {
        data.roles.push(seed);
    }
}

fn push_plan(data: &mut Dataset, plan: PlanYearSeed) {
    if !data.plan_years.iter().any(|p| p.object == plan.object && p.year == plan.year) {
        data.plan_years.push(plan);
    }
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_owned());
    }
}

/// AKN 2021: its transcribed 2020 goals carried forward with varied hours
/// and costs, plus two new initiatives. Only when AKN and its 2020 plan are
/// there.
fn add_akn_2021(data: &mut Dataset) {
    if !data.objects.iter().any(|o| o.code == AKN) {
        return;
    }
    let Some(plan_2020) = data.plan_years.iter().find(|p| p.object == AKN && p.year == 2020) else {
        return;
    };
    let new = plan(AKN, 2021, AKN_NEW_2021).initiatives;
    let plan_2021 = continue_plan(plan_2020, 2021, &new);
    push_plan(data, plan_2021);
}

/// The settings of a plan year: 655 kr/h in 2020, 680 kr/h from 2021, and
/// 1 700 hours a full-time equivalent.
pub(crate) fn settings(year: i32) -> PlanSettings {
    let rate = literal(Money::parse(if year <= 2020 { "655" } else { "680" }));
    literal(PlanSettings::new(rate, rate, literal(Hours::parse("1700"))))
}

/// A plan year from literal goals, approved for 2020 and a draft after.
fn plan(object: &str, year: i32, goals: &[Goal]) -> PlanYearSeed {
    let initiatives = goals
        .iter()
        .map(|&(name, main_activity, assignment_type, priority, [bh, bo, ih, io])| InitiativeSeed {
            name: name.to_owned(),
            main_activity,
            assignment_type,
            priority,
            status: status(object, year, name, main_activity, assignment_type),
            business: effort(bh, bo),
            it: effort(ih, io),
            scores: scores(name, main_activity, assignment_type),
        })
        .collect();
    PlanYearSeed {
        object: object.to_owned(),
        year,
        settings: settings(year),
        status: if year <= 2020 { PlanStatus::Approved } else { PlanStatus::Draft },
        initiatives,
    }
}

/// The next plan year: every goal of `previous` carried forward with its
/// hours and costs varied deterministically, then the `new` initiatives
/// (except those whose names are taken).
fn continue_plan(previous: &PlanYearSeed, year: i32, new: &[InitiativeSeed]) -> PlanYearSeed {
    let object = previous.object.as_str();
    let mut initiatives: Vec<InitiativeSeed> = previous
        .initiatives
        .iter()
        .map(|i| {
            let key = format!("{object}/{year}/{}", i.name);
            let licence = i.main_activity == MainActivity::Operations && i.assignment_type == AssignmentType::Maintain;
            InitiativeSeed {
                name: i.name.clone(),
                main_activity: i.main_activity,
                assignment_type: i.assignment_type,
                priority: i.priority,
                status: status(object, year, &i.name, i.main_activity, i.assignment_type),
                business: vary(i.business, &format!("{key}/business"), licence),
                it: vary(i.it, &format!("{key}/it"), licence),
                scores: if i.scores == Scores::default() {
                    scores(&i.name, i.main_activity, i.assignment_type)
                } else {
                    i.scores
                },
            }
        })
        .collect();
    for initiative in new {
        if !initiatives.iter().any(|i| i.name == initiative.name) {
            initiatives.push(initiative.clone());
        }
    }
    PlanYearSeed {
        object: object.to_owned(),
        year,
        settings: settings(year),
        status: if year <= 2020 { PlanStatus::Approved } else { PlanStatus::Draft },
        initiatives,
    }
}

/// Hours ±10 % to whole hours; other costs ±10 % (licence lines +0–6 %,
/// as indexation) to whole thousands of kronor.
fn vary(side: SideEffort, key: &str, licence: bool) -> SideEffort {
    let hours_percent = 90 + hash(&format!("{key}/hours")) % 21;
    let other_percent =
        if licence { 100 + hash(&format!("{key}/other")) % 7 } else { 90 + hash(&format!("{key}/other")) % 21 };
    let hours = scale(side.hours.value(), hours_percent, Decimal::ONE);
    let other = scale(side.other.value(), other_percent, Decimal::ONE_THOUSAND);
    SideEffort::new(Hours::new(hours).unwrap_or(side.hours), Money::new(other).unwrap_or(side.other))
}

/// `value × percent / 100`, rounded to a multiple of `step`.
fn scale(value: Decimal, percent: u64, step: Decimal) -> Decimal {
    let scaled = value * Decimal::from(percent) / Decimal::ONE_HUNDRED / step;
    scaled.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero) * step
}

fn is_licence(activity: MainActivity, kind: AssignmentType) -> bool {
    activity == MainActivity::Operations && kind == AssignmentType::Maintain
}

/// Approved 2020 plans show the whole range of statuses; the 2021 drafts
/// are mostly not started.
fn status(object: &str, year: i32, name: &str, activity: MainActivity, kind: AssignmentType) -> InitiativeStatus {
    let h = hash(&format!("{object}/{year}/{name}/status"));
    if year <= 2020 {
        if is_licence(activity, kind) {
            return InitiativeStatus::Done;
        }
        match h % 16 {
            0..=5 => InitiativeStatus::Done,
            6..=9 => InitiativeStatus::OnTrack,
            10 | 11 => InitiativeStatus::AtRisk,
            12 | 13 => InitiativeStatus::Delayed,
            14 => InitiativeStatus::NotStarted,
            _ => InitiativeStatus::Stopped,
        }
    } else if !is_licence(activity, kind) && matches!(h % 4, 0) {
        InitiativeStatus::OnTrack
    } else {
        InitiativeStatus::NotStarted
    }
}

/// Benefit, goal contribution and effort, 1–5, on all but an occasional
/// unscored goal; licence lines are scored low on effort (little work).
fn scores(name: &str, activity: MainActivity, kind: AssignmentType) -> Scores {
    let h = hash(&format!("{name}/scores"));
    if matches!(h % 7, 0) {
        return Scores::default();
    }
    let score = |shift: u32| u8::try_from(1 + (h >> shift) % 5).ok();
    let effort = if is_licence(activity, kind) { Some(1) } else { score(24) };
    literal(Scores::new(score(8), score(16), effort))
}

/// FNV-1a: a tiny, stable hash for deterministic variety.
pub(crate) fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    use super::*;
    use crate::demo::{dangling_references, dataset};
    use crate::domain::{BudgetMatrix, Initiative};

    const SYNTHETIC: [&str; 6] = ["VSOA", "UKF", "SAM", "KOP", "EHR", "FST"];

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date")
    }

    fn dec(text: &str) -> Decimal {
        text.parse().expect("test literal")
    }

    fn initiatives(plan: &PlanYearSeed) -> Vec<Initiative> {
        plan.initiatives
            .iter()
            .enumerate()
            .map(|(rank, i)| Initiative {
                id: 0,
                plan_year_id: 0,
                rank: i32::try_from(rank + 1).expect("small"),
                name: i.name.clone(),
                main_activity: i.main_activity,
                assignment_type: i.assignment_type,
                priority: i.priority,
                status: i.status,
                business: i.business,
                it: i.it,
                scores: i.scores,
                version: 1,
            })
            .collect()
    }

    fn budget(plan: &PlanYearSeed) -> Decimal {
        BudgetMatrix::compute(plan.settings, &initiatives(plan)).total.amount
    }

    fn duplicates(items: impl IntoIterator<Item = String>) -> Vec<String> {
        let mut seen = BTreeSet::new();
        items.into_iter().filter(|item| !seen.insert(item.clone())).collect()
    }

    #[test]
    fn every_reference_in_the_demo_dataset_resolves() {
        let data = dataset(today());
        assert_eq!(dangling_references(&data), Vec::<String>::new());
    }

    #[test]
    fn nothing_in_the_demo_dataset_is_duplicated() {
        let data = dataset(today());
        let checks =
            [
                ("object", duplicates(data.objects.iter().map(|o| o.code.clone()))),
                ("IT component", duplicates(data.it_components.iter().map(|c| c.name.clone()))),
                ("supplier", duplicates(data.suppliers.iter().cloned())),
                ("line organisation", duplicates(data.line_organisations.iter().cloned())),
                ("e-mail", duplicates(data.people.iter().map(|p| p.email.to_lowercase()))),
                (
                    "business component",
                    duplicates(data.business_components.iter().map(|b| format!("{}/{}", b.object, b.name))),
                ),
                ("product", duplicates(data.products.iter().map(|p| format!("{}/{}", p.object, p.name)))),
                ("plan year", duplicates(data.plan_years.iter().map(|p| format!("{}/{}", p.object, p.year)))),
                ("role", duplicates(data.roles.iter().map(|r| format!("{}/{}/{:?}", r.email, r.role.key(), r.object)))),
                ("contract", duplicates(data.contracts.iter().map(|c| c.reference.clone()))),
                (
                    "initiative",
                    duplicates(data.plan_years.iter().flat_map(|p| {
                        p.initiatives.iter().map(move |i| format!("{}/{}/{}", p.object, p.year, i.name))
                    })),
                ),
            ];
        for (what, found) in checks {
            assert!(found.is_empty(), "duplicate {what}: {found:?}");
        }
    }

    #[test]
    fn each_of_the_seven_objects_has_plans_for_2020_and_2021() {
        let data = dataset(today());
        for code in SYNTHETIC.iter().chain(&[AKN]) {
            for year in [2020, 2021] {
                assert!(
                    data.plan_years.iter().any(|p| p.object == *code && p.year == year),
                    "{code} has no plan for {year}"
                );
            }
        }
    }

    #[test]
    fn the_dataset_is_the_same_every_time_it_is_built() {
        assert_eq!(dataset(today()), dataset(today()));
        let mut once = Dataset::default();
        add(&mut once);
        let mut twice = once.clone();
        add(&mut twice);
        assert_eq!(once, twice, "adding twice changes nothing");
    }

    #[test]
    fn every_objects_yearly_budget_is_between_5_and_40_msek() {
        let data = dataset(today());
        let (low, high) = (dec("5000000"), dec("40000000"));
        for plan in &data.plan_years {
            if plan.year == 2020 || SYNTHETIC.contains(&plan.object.as_str()) {
                let total = budget(plan);
                assert!(low <= total && total <= high, "{} {}: {total}", plan.object, plan.year);
            }
        }
    }

    #[test]
    fn plan_settings_follow_the_year() {
        let data = dataset(today());
        for plan in data.plan_years.iter().filter(|p| p.year == 2021 || SYNTHETIC.contains(&p.object.as_str())) {
            let rate = if plan.year == 2020 { dec("655") } else { dec("680") };
            assert_eq!(plan.settings.business_rate.value(), rate);
            assert_eq!(plan.settings.it_rate.value(), rate);
            assert_eq!(plan.settings.hours_per_fte.value(), dec("1700"));
            let expected = if plan.year == 2020 { PlanStatus::Approved } else { PlanStatus::Draft };
            assert_eq!(plan.status, expected, "{} {}", plan.object, plan.year);
        }
    }

    #[test]
    fn synthetic_plans_are_well_formed() {
        let data = dataset(today());
        let mut kinds = BTreeSet::new();
        let mut statuses = BTreeSet::new();
        for plan in data.plan_years.iter().filter(|p| SYNTHETIC.contains(&p.object.as_str())) {
            let label = format!("{} {}", plan.object, plan.year);
            assert!((8..=20).contains(&plan.initiatives.len()), "{label}: {}", plan.initiatives.len());
            for activity in MainActivity::ALL {
                assert!(plan.initiatives.iter().any(|i| i.main_activity == *activity), "{label}: {activity:?}");
            }
            let scored = plan.initiatives.iter().filter(|i| i.scores != Scores::default()).count();
            assert!(scored * 2 >= plan.initiatives.len(), "{label}: {scored} scored");
            for i in &plan.initiatives {
                kinds.insert(i.assignment_type);
                statuses.insert(i.status);
                assert!(matches!(i.priority, None | Some(1..=3)), "{label}: {}", i.name);
                for side in [i.business, i.it] {
                    assert!((side.hours.value() * dec("2")).fract().is_zero(), "{label}: {} hours", i.name);
                    assert!(side.other.value().fract().is_zero(), "{label}: {} other", i.name);
                }
            }
        }
        assert_eq!(kinds.len(), AssignmentType::ALL.len(), "{kinds:?}");
        assert!(statuses.len() >= 5, "{statuses:?}");
    }

    #[test]
    fn akn_2021_continues_every_2020_goal_within_ten_percent_plus_two_new() {
        let data = dataset(today());
        let find = |year| data.plan_years.iter().find(|p| p.object == AKN && p.year == year);
        let (Some(old), Some(new)) = (find(2020), find(2021)) else {
            panic!("AKN plans missing");
        };
        assert_eq!(new.initiatives.len(), old.initiatives.len() + 2);
        assert_eq!(new.status, PlanStatus::Draft);
        for (before, after) in old.initiatives.iter().zip(&new.initiatives) {
            assert_eq!(before.name, after.name);
            for (b, a) in [(before.business, after.business), (before.it, after.it)] {
                let (b, a) = (b.hours.value(), a.hours.value());
                assert!(a.fract().is_zero());
                assert!((a - b).abs() <= b / dec("10") + dec("0.5"), "{}: {b} -> {a}", before.name);
            }
        }
    }

    #[test]
    fn every_object_has_a_plausible_catalogue() {
        let data = dataset(today());
        for code in SYNTHETIC {
            let business = data.business_components.iter().filter(|b| b.object == code).count();
            let products = data.products.iter().filter(|p| p.object == code).count();
            let it = data.it_components.iter().filter(|c| c.objects.iter().any(|o| o == code)).count();
            assert!((4..=8).contains(&business), "{code}: {business} business components");
            assert!((3..=6).contains(&products), "{code}: {products} products");
            assert!((4..=8).contains(&it), "{code}: {it} IT components");
            for role in
                [Role::ObjectOwnerBusiness, Role::ObjectOwnerIt, Role::ObjectLeaderBusiness, Role::ObjectLeaderIt]
            {
                assert!(
                    data.roles.iter().any(|r| r.role == role && r.object.as_deref() == Some(code)),
                    "{code}: no {role:?}"
                );
            }
        }
        let shared = data.it_components.iter().filter(|c| c.objects.len() > 1).count();
        assert!(shared >= 2, "{shared} shared IT components");
        let mut per_role: BTreeMap<Role, usize> = BTreeMap::new();
        for r in data.roles.iter().filter(|r| r.object.is_none()) {
            *per_role.entry(r.role).or_default() += 1;
        }
        assert!(per_role.get(&Role::PsgMember).copied().unwrap_or(0) >= 2);
        assert!(per_role.get(&Role::Reader).copied().unwrap_or(0) >= 1);
    }

    #[test]
    fn e_mail_addresses_are_ascii_firstname_lastname() {
        let data = dataset(today());
        for &(_, email, _) in OBJECTS.iter().flat_map(|o| o.people).chain(PORTFOLIO_PEOPLE) {
            let Some((local, domain)) = email.split_once('@') else {
                panic!("{email}");
            };
            assert_eq!(domain, "linkoping.example");
            assert!(local.contains('.') && local.chars().all(|c| c.is_ascii_lowercase() || c == '.'), "{email}");
            assert!(data.people.iter().any(|p| p.email == email));
        }
    }
}
