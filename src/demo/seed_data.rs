//! Name and place tables the demo customers are drawn from. Phone numbers use ranges set aside
//! for fiction where a country has one (US/CA 555-01xx, UK Ofcom drama ranges, AU 5550).

/// How a country writes the first address line.
#[derive(Clone, Copy)]
pub(super) enum Street {
    /// `221 Baker Street`
    NumberFirst,
    /// `Torstraße 12`
    NumberLast,
    /// `Avenida Paulista, 1578`
    NumberAfterComma,
    /// `1-2-3 Jingumae` (chōme-block-building)
    Chome,
}

/// A city: name, state/province/prefecture, postal code, phone area code, one street there.
pub(super) type Place =
    (&'static str, Option<&'static str>, &'static str, &'static str, &'static str);

pub(super) struct Country {
    pub code: &'static str,
    pub currency: &'static str,
    /// Percent of the customers who live here.
    pub weight: u64,
    pub locale: &'static str,
    /// `{a}` is the area code, `#` a random digit, `@` a random non-zero digit.
    pub phone: &'static str,
    pub line2: &'static str,
    pub street: Street,
    pub first: &'static [&'static str],
    pub last: &'static [&'static str],
    pub places: &'static [Place],
    pub mail: &'static [&'static str],
    /// Top-level domain for company addresses.
    pub tld: &'static str,
}

#[rustfmt::skip]
pub(super) const COUNTRIES: &[Country] = &[
    Country {
        code: "US",
        currency: "usd",
        weight: 30,
        locale: "en-US",
        phone: "+1 {a}-555-01##",
        line2: "Suite @0#",
        street: Street::NumberFirst,
        first: &["James", "Olivia", "Marcus", "Emma", "Ethan", "Priya", "Daniel", "Ava", "Tyler"],
        last: &["Johnson", "Martinez", "Nguyen", "Patel", "Walker", "Robinson", "Kim", "Brooks"],
        places: &[
            ("San Francisco", Some("CA"), "94110", "415", "Valencia Street"),
            ("Austin", Some("TX"), "78701", "512", "Congress Avenue"),
            ("Brooklyn", Some("NY"), "11217", "718", "Atlantic Avenue"),
            ("Seattle", Some("WA"), "98101", "206", "Pike Street"),
            ("Chicago", Some("IL"), "60611", "312", "North Michigan Avenue"),
            ("Denver", Some("CO"), "80202", "303", "Larimer Street"),
            ("Boston", Some("MA"), "02116", "617", "Newbury Street"),
        ],
        mail: &["gmail.com", "outlook.com", "icloud.com", "yahoo.com"],
        tld: "com",
    },
    Country {
        code: "GB",
        currency: "gbp",
        weight: 12,
        locale: "en-GB",
        phone: "+44 {a} 0###",
        line2: "Flat @",
        street: Street::NumberFirst,
        first: &["Oliver", "Amelia", "Harry", "Isla", "George", "Charlotte", "Alfie"],
        last: &["Taylor", "Evans", "Hughes", "Wright", "Davies", "Clarke", "Hussain"],
        places: &[
            ("London", None, "EC1V 9HX", "20 7946", "Old Street"),
            ("Manchester", None, "M3 2BW", "161 496", "Deansgate"),
            ("Edinburgh", None, "EH2 2ER", "131 496", "Princes Street"),
            ("Bristol", None, "BS1 5TR", "117 496", "Park Street"),
        ],
        mail: &["gmail.com", "btinternet.com", "outlook.com"],
        tld: "co.uk",
    },
    Country {
        code: "DE",
        currency: "eur",
        weight: 12,
        locale: "de",
        phone: "+49 {a} #######",
        line2: "@. OG",
        street: Street::NumberLast,
        first: &["Lukas", "Lena", "Jonas", "Anna", "Felix", "Sophie", "Jürgen"],
        last: &["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Schäfer"],
        places: &[
            ("Berlin", None, "10119", "30", "Torstraße"),
            ("Hamburg", None, "20095", "40", "Mönckebergstraße"),
            ("München", None, "80331", "89", "Sendlinger Straße"),
            ("Köln", None, "50672", "221", "Ehrenstraße"),
        ],
        mail: &["gmx.de", "web.de", "t-online.de"],
        tld: "de",
    },
    Country {
        code: "FR",
        currency: "eur",
        weight: 10,
        locale: "fr",
        phone: "+33 {a} ## ## ## ##",
        line2: "Escalier @",
        street: Street::NumberFirst,
        first: &["Louis", "Chloé", "Gabriel", "Léa", "Hugo", "Manon", "Théo"],
        last: &["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Rousseau"],
        places: &[
            ("Paris", None, "75011", "1", "rue Oberkampf"),
            ("Lyon", None, "69002", "4", "rue de la République"),
            ("Bordeaux", None, "33000", "5", "rue Sainte-Catherine"),
            ("Nantes", None, "44000", "2", "rue Crébillon"),
        ],
        mail: &["orange.fr", "free.fr", "gmail.com"],
        tld: "fr",
    },
    Country {
        code: "CA",
        currency: "usd",
        weight: 10,
        locale: "en-CA",
        phone: "+1 {a}-555-01##",
        line2: "Suite @0#",
        street: Street::NumberFirst,
        first: &["Liam", "Noah", "Maude", "Benjamin", "Emily", "Félix", "Hannah"],
        last: &["Tremblay", "Gagnon", "Roy", "Côté", "Campbell", "MacDonald", "Singh"],
        places: &[
            ("Toronto", Some("ON"), "M5V 2H1", "416", "King Street West"),
            ("Vancouver", Some("BC"), "V6B 2W9", "604", "Granville Street"),
            ("Montréal", Some("QC"), "H2X 2V4", "514", "Rue Saint-Denis"),
            ("Calgary", Some("AB"), "T2P 1J9", "403", "Stephen Avenue SW"),
        ],
        mail: &["gmail.com", "outlook.com", "shaw.ca"],
        tld: "ca",
    },
    Country {
        code: "AU",
        currency: "usd",
        weight: 10,
        locale: "en-AU",
        phone: "+61 {a} 5550 ####",
        line2: "Level @",
        street: Street::NumberFirst,
        first: &["Jack", "Mia", "William", "Isabella", "Lachlan", "Grace", "Chloe"],
        last: &["Smith", "Jones", "Williams", "Brown", "Wilson", "Tran", "Kelly"],
        places: &[
            ("Sydney", Some("NSW"), "2000", "2", "George Street"),
            ("Melbourne", Some("VIC"), "3000", "3", "Collins Street"),
            ("Brisbane", Some("QLD"), "4000", "7", "Queen Street"),
            ("Perth", Some("WA"), "6000", "8", "Hay Street"),
        ],
        mail: &["gmail.com", "bigpond.com", "outlook.com"],
        tld: "com.au",
    },
    Country {
        code: "JP",
        currency: "usd",
        weight: 8,
        locale: "ja",
        phone: "+81 {a}-####-####",
        line2: "@F",
        street: Street::Chome,
        first: &["Haruto", "Yui", "Sota", "Hina", "Ren", "Sakura", "Daiki"],
        last: &["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Nakamura"],
        places: &[
            ("Shibuya-ku", Some("Tokyo"), "150-0001", "3", "Jingumae"),
            ("Osaka-shi Kita-ku", Some("Osaka"), "530-0001", "6", "Umeda"),
            ("Kyoto-shi Shimogyo-ku", Some("Kyoto"), "600-8216", "75", "Higashishiokoji"),
            ("Yokohama-shi Nishi-ku", Some("Kanagawa"), "220-0012", "45", "Minatomirai"),
        ],
        mail: &["gmail.com", "yahoo.co.jp", "icloud.com"],
        tld: "co.jp",
    },
    Country {
        code: "BR",
        currency: "usd",
        weight: 8,
        locale: "pt-BR",
        phone: "+55 {a} 9####-####",
        line2: "Apto @0#",
        street: Street::NumberAfterComma,
        first: &["João", "Ana", "Pedro", "Beatriz", "Lucas", "Mariana", "Gustavo"],
        last: &["Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Araújo"],
        places: &[
            ("São Paulo", Some("SP"), "01310-100", "11", "Avenida Paulista"),
            ("Rio de Janeiro", Some("RJ"), "22021-001", "21", "Avenida Atlântica"),
            ("Belo Horizonte", Some("MG"), "30130-170", "31", "Rua da Bahia"),
            ("Curitiba", Some("PR"), "80020-310", "41", "Rua XV de Novembro"),
        ],
        mail: &["gmail.com", "uol.com.br", "hotmail.com"],
        tld: "com.br",
    },
];

/// Company names for business email domains (`name.tld`).
pub(super) const COMPANIES: &[&str] = &[
    "northwind",
    "brightloop",
    "kestrel-labs",
    "fernhill",
    "bluepeak",
    "harborview",
    "lumenworks",
    "tidewater",
    "copperleaf",
    "oakline",
];

pub(super) const DESCRIPTIONS: &[&str] = &[
    "Annual plan, invoiced in arrears",
    "Migrated from legacy billing (2024)",
    "Referred through the partner program",
    "Pilot for the analytics add-on",
    "Prefers invoices by email; no card on file",
    "Wholesale account — net 30 terms",
    "Upgraded after the spring promotion",
];

pub(super) const PLAN_TIERS: &[&str] = &["starter", "growth", "scale", "enterprise"];

pub(super) const ACCOUNT_MANAGERS: &[&str] =
    &["Dana Whitfield", "Rahul Mehta", "Sofia Lindqvist", "Kenji Mori"];
