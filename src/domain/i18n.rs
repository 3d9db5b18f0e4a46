//! Interface languages and texts: French, Korean, English.
//!
//! Every message is one match arm holding its three translations, so a missing translation is a
//! compile error, not a blank in the interface. Data labels (themes, kinds, regions) are not here:
//! they come from the dataset's own fr/ko/en labels.

use super::dataset::Country;
use super::date::PartialDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    Ko,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::Ko, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    pub fn try_from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language in a browser's preference list (`navigator.languages`),
    /// French otherwise.
    pub fn from_preferences<'a>(prefs: impl IntoIterator<Item = &'a str>) -> Lang {
        prefs
            .into_iter()
            .find_map(|tag| Lang::try_from_code(&tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()))
            .unwrap_or_default()
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::Ko => "한국어",
            Lang::En => "English",
        }
    }
}

/// A fixed interface text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Title,
    Subtitle,
    Loading,
    LoadFailed,
    Retry,
    DataProblems,
    DataProblemsHelp,
    UrlIgnored,
    Filters,
    Region,
    France,
    Korea,
    Theme,
    Years,
    From,
    To,
    IncludeUnknownYear,
    ClearFilters,
    Search,
    SearchHint,
    Partnerships,
    NoMatch,
    Close,
    Agreement,
    AsSigned,
    FirstAgreement,
    Themes,
    Milestones,
    Sources,
    Unknown,
    /// "unknown" after a feminine French label (« Population : inconnue »).
    UnknownFeminine,
    /// "unknown" after a plural French label (« Thèmes : inconnus »).
    UnknownPlural,
    /// In a line of facts: "accord d'amitié · année inconnue".
    YearUnknown,
    Uncertain,
    Kind,
    Population,
    Website,
    Notes,
    Legend,
    LegendGroup,
    LegendBundle,
    FrenchAuthority,
    KoreanAuthority,
    Language,
    DataAsOf,
    MapLabel,
    NoTheme,
    SourceNotOnline,
    KindStatus,
    StatusExchange,
    StatusPlanned,
    KindUnknownShort,
    Timeline,
    Administrations,
    AdministrationsIntro,
    Tier,
    ComparedWith,
    LastVerified,
    HiddenByFilters,
    EventsOfYears,
    DownloadCsv,
    OpenDataset,
    About,
    AboutTitle,
    AboutWhat,
    AboutKeeper,
    AboutNoPublisher,
    AboutMethod,
    AboutMethodText,
    AboutWords,
    StatusSigned,
    StatusSignedHelp,
    StatusListed,
    StatusListedHelp,
    StatusExchangeHelp,
    StatusPlannedHelp,
    UncertainHelp,
    UnknownHelp,
    AboutLicence,
    AboutLicenceData,
    AboutLicenceMap,
    Propose,
    ForMaintainers,
    ForMaintainersHelp,
    ProposeIntro,
    ProposeWhich,
    ProposeNew,
    ProposeNameHint,
    ProposeNewAuthority,
    ProposeLatinName,
    ProposeSources,
    ProposeComment,
    ProposeYourName,
    ProposeYourEmail,
    ProposeMessage,
    ProposeCopy,
    ProposeCopied,
    ProposeCopyFailed,
    ProposeDownload,
    ProposeMail,
    ProposeTo,
    ProposeNoEmail,
    ProposeIncomplete,
    BackToAbout,
    DropHint,
    Previewing,
    PreviewNote,
    BackToBundled,
    Location,
    View,
    ViewTwin,
    ViewWorld,
    OpenFullMap,
    Embed,
    EmbedTitle,
    EmbedFocus,
    EmbedAll,
    EmbedKeepFilters,
    EmbedResize,
    EmbedCode,
    EmbedPreview,
    Width,
    Height,
    FullScreen,
    Share,
    ShareLink,
    CopyLink,
    LinkCopied,
    CopyFailed,
    QrLabel,
    ShowList,
    ShowMap,
    ShowMore,
    ListOrder,
    DownloadPng,
    PreparingImage,
    ImageSaved,
    ImageFailed,
    UnknownYearLeftOut,
    PlayYears,
    Play,
    PausePlayback,
    Speed,
    YearShown,
    ThatYear,
    NoEventThatYear,
    KioskScan,
    KioskAuto,
    KioskPaused,
    KioskControls,
    KioskControlsLabel,
    KioskPresentation,
    KioskPrevious,
    KioskNext,
    KioskOverview,
    KioskExit,
    /// The way into presenter mode, from the share drawer.
    KioskEnter,
    TourProblems,
    AvailableOffline,
    OfflineNow,
    HiddenByFiltersShort,
    AuthorityCard,
    // The card as a bottom sheet (phone, tablet held upright) and the way back to the map.
    CardRegion,
    SheetHandle,
    SheetPeek,
    SheetHalf,
    SheetFull,
    BackToMap,
    NoLand,
}

impl Msg {
    pub const ALL: &'static [Msg] = &[
        Msg::Title, Msg::Subtitle, Msg::Loading, Msg::LoadFailed, Msg::Retry, Msg::DataProblems,
        Msg::DataProblemsHelp, Msg::UrlIgnored, Msg::Filters, Msg::Region, Msg::France, Msg::Korea,
        Msg::Theme, Msg::Years, Msg::From, Msg::To, Msg::IncludeUnknownYear, Msg::ClearFilters, Msg::Search, Msg::SearchHint,
        Msg::Partnerships, Msg::NoMatch, Msg::Close, Msg::Agreement, Msg::AsSigned,
        Msg::FirstAgreement, Msg::Themes, Msg::Milestones, Msg::Sources, Msg::Unknown,
        Msg::Uncertain, Msg::Kind, Msg::Population, Msg::Website, Msg::Notes, Msg::Legend, Msg::LegendGroup, Msg::LegendBundle,
        Msg::FrenchAuthority, Msg::KoreanAuthority, Msg::Language, Msg::DataAsOf,
        Msg::MapLabel, Msg::NoTheme, Msg::SourceNotOnline,
        Msg::KindStatus, Msg::StatusExchange, Msg::StatusPlanned, Msg::KindUnknownShort, Msg::Timeline, Msg::Administrations, Msg::AdministrationsIntro, Msg::Tier, Msg::ComparedWith, Msg::LastVerified, Msg::HiddenByFilters, Msg::EventsOfYears, Msg::DownloadCsv, Msg::OpenDataset,
        Msg::About, Msg::AboutTitle, Msg::AboutWhat, Msg::AboutKeeper, Msg::AboutNoPublisher, Msg::AboutMethod, Msg::AboutMethodText, Msg::AboutWords, Msg::StatusSigned, Msg::StatusSignedHelp, Msg::StatusListed, Msg::StatusListedHelp, Msg::StatusExchangeHelp, Msg::StatusPlannedHelp, Msg::UncertainHelp, Msg::UnknownHelp, Msg::AboutLicence, Msg::AboutLicenceData, Msg::AboutLicenceMap, Msg::Propose, Msg::ForMaintainers, Msg::ForMaintainersHelp, Msg::ProposeIntro, Msg::ProposeWhich, Msg::ProposeNew, Msg::ProposeNameHint, Msg::ProposeNewAuthority, Msg::ProposeLatinName, Msg::ProposeSources, Msg::ProposeComment, Msg::ProposeYourName, Msg::ProposeYourEmail, Msg::ProposeMessage, Msg::ProposeCopy, Msg::ProposeCopied, Msg::ProposeCopyFailed, Msg::ProposeDownload, Msg::ProposeMail, Msg::ProposeTo, Msg::ProposeNoEmail, Msg::ProposeIncomplete, Msg::BackToAbout,
        Msg::DropHint, Msg::Previewing, Msg::PreviewNote, Msg::BackToBundled, Msg::Location, Msg::View, Msg::ViewTwin, Msg::ViewWorld, Msg::OpenFullMap, Msg::Embed, Msg::EmbedTitle, Msg::EmbedFocus, Msg::EmbedAll, Msg::EmbedKeepFilters, Msg::EmbedResize, Msg::EmbedCode, Msg::EmbedPreview, Msg::Width, Msg::Height, Msg::FullScreen, Msg::Share, Msg::ShareLink, Msg::CopyLink, Msg::LinkCopied, Msg::CopyFailed, Msg::QrLabel, Msg::ShowList, Msg::ShowMap, Msg::ShowMore, Msg::ListOrder,
        Msg::DownloadPng, Msg::PreparingImage, Msg::ImageSaved, Msg::ImageFailed, Msg::UnknownYearLeftOut,
        Msg::PlayYears, Msg::Play, Msg::PausePlayback, Msg::Speed, Msg::YearShown, Msg::ThatYear, Msg::NoEventThatYear, Msg::KioskScan, Msg::KioskAuto, Msg::KioskPaused, Msg::KioskControls, Msg::KioskControlsLabel, Msg::KioskPresentation, Msg::KioskPrevious, Msg::KioskNext, Msg::KioskOverview, Msg::KioskExit, Msg::KioskEnter, Msg::TourProblems, Msg::AvailableOffline, Msg::OfflineNow,
        Msg::HiddenByFiltersShort, Msg::AuthorityCard,
        Msg::CardRegion, Msg::SheetHandle, Msg::SheetPeek, Msg::SheetHalf, Msg::SheetFull, Msg::BackToMap,
        Msg::NoLand,
    ];
}

/// The text of `msg` in `lang`.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    let (fr, ko, en) = match msg {
        Msg::Title => ("Carte des partenariats franco-coréens", "한불 지방정부 교류 지도", "Franco-Korean partnership map"),
        Msg::Subtitle => (
            "Collectivités françaises et coréennes liées par un jumelage, une amitié ou une coopération",
            "자매결연·우호교류·협력으로 맺어진 프랑스와 한국의 지방정부",
            "French and Korean local authorities linked by twinning, friendship or cooperation",
        ),
        Msg::Loading => ("Chargement des partenariats…", "교류 현황을 불러오는 중…", "Loading partnerships…"),
        Msg::LoadFailed => ("Les données n'ont pas pu être chargées.", "데이터를 불러오지 못했습니다.", "The data could not be loaded."),
        Msg::Retry => ("Réessayer", "다시 시도", "Try again"),
        Msg::DataProblems => ("Problèmes dans les données", "데이터 오류", "Problems in the data"),
        Msg::DataProblemsHelp => (
            "Les enregistrements concernés ne sont pas affichés ; le reste de la carte l'est.",
            "문제가 있는 항목은 표시하지 않으며, 나머지는 그대로 표시합니다.",
            "The records concerned are not shown; the rest of the map is.",
        ),
        Msg::UrlIgnored => ("Ignoré dans l'adresse :", "주소에서 무시된 값:", "Ignored in the address:"),
        Msg::Filters => ("Filtres", "필터", "Filters"),
        Msg::Region => ("Région", "지역", "Region"),
        Msg::France => ("France", "프랑스", "France"),
        Msg::Korea => ("Corée du Sud", "대한민국", "South Korea"),
        Msg::Theme => ("Thème", "분야", "Theme"),
        Msg::Years => ("Année du premier accord", "최초 협정 연도", "Year of first agreement"),
        Msg::From => ("De", "부터", "From"),
        Msg::To => ("À", "까지", "To"),
        Msg::IncludeUnknownYear => ("Inclure les années inconnues", "연도 미상 포함", "Include unknown year"),
        Msg::ClearFilters => ("Effacer les filtres", "필터 초기화", "Clear filters"),
        Msg::Search => ("Rechercher", "검색", "Search"),
        Msg::SearchHint => ("Ville, région… en français, en coréen ou en anglais", "도시, 지역… 한국어, 프랑스어, 영어", "City, region… in French, Korean or English"),
        Msg::Partnerships => ("Partenariats", "교류 목록", "Partnerships"),
        Msg::NoMatch => ("Aucun partenariat ne correspond à ces filtres.", "조건에 맞는 교류가 없습니다.", "No partnership matches these filters."),
        Msg::Close => ("Fermer", "닫기", "Close"),
        Msg::Agreement => ("Accord", "협정 유형", "Agreement"),
        Msg::AsSigned => ("Intitulé", "협정 명칭", "As worded"),
        Msg::FirstAgreement => ("Premier accord", "최초 협정", "First agreement"),
        Msg::Themes => ("Thèmes", "분야", "Themes"),
        Msg::Milestones => ("Étapes", "주요 경과", "Milestones"),
        Msg::Sources => ("Sources", "출처", "Sources"),
        Msg::Unknown => ("inconnu", "미상", "unknown"),
        Msg::UnknownFeminine => ("inconnue", "미상", "unknown"),
        Msg::UnknownPlural => ("inconnus", "미상", "unknown"),
        Msg::YearUnknown => ("année inconnue", "연도 미상", "year unknown"),
        Msg::Uncertain => ("incertain", "불확실", "uncertain"),
        Msg::Kind => ("Type", "유형", "Kind"),
        Msg::Population => ("Population", "인구", "Population"),
        Msg::Website => ("Site web", "웹사이트", "Website"),
        Msg::Notes => ("Remarques", "참고", "Notes"),
        Msg::Legend => ("Légende", "범례", "Legend"),
        Msg::LegendGroup => (
            "Nombre : un groupe de collectivités proches, et combien (cliquer pour zoomer)",
            "숫자: 가까이 있는 지자체 수 (클릭하면 확대)",
            "Number: a group of authorities close together, and how many (click to zoom in)",
        ),
        Msg::LegendBundle => (
            "Trait épais : plusieurs partenariats entre deux groupes (gris : de types différents)",
            "굵은 선: 두 그룹 사이의 여러 교류 (회색: 서로 다른 유형)",
            "Thick line: several partnerships between two groups (grey: of different kinds)",
        ),
        Msg::FrenchAuthority => ("Collectivité française", "프랑스 지방정부", "French authority"),
        Msg::KoreanAuthority => ("Collectivité coréenne", "한국 지방정부", "Korean authority"),
        Msg::Language => ("Langue", "언어", "Language"),
        Msg::DataAsOf => ("Données à jour au", "데이터 기준일", "Data as of"),
        Msg::MapLabel => (
            "Carte des partenariats : collectivités françaises et coréennes reliées par des lignes",
            "교류 지도: 프랑스와 한국 지방정부를 잇는 선",
            "Map of partnerships: French and Korean authorities joined by lines",
        ),
        Msg::NoTheme => ("aucun thème connu", "알려진 분야 없음", "no known theme"),
        Msg::SourceNotOnline => ("document non publié en ligne", "온라인 미공개 자료", "not published online"),
        Msg::KindStatus => ("Accord ou statut", "협정 유형·상태", "Agreement or status"),
        Msg::StatusExchange => ("Échanges, rien de signé", "교류만 (협정 없음)", "Exchanges, nothing signed"),
        Msg::StatusPlanned => ("Projet annoncé", "추진 계획", "Announced plan"),
        Msg::KindUnknownShort => ("Accord de type inconnu", "유형 미상 협정", "Agreement of unknown kind"),
        Msg::Timeline => ("Chronologie", "연표", "Timeline"),
        Msg::Administrations => ("Administrations", "행정 체계", "Administrations"),
        Msg::AdministrationsIntro => ("Les deux organisations territoriales côte à côte, d'après les sources citées.", "두 나라의 지방행정 체계를 출처에 따라 나란히 보여 줍니다.", "The two countries' local administrations side by side, from the cited sources."),
        Msg::Tier => ("Échelon", "계층", "Tier"),
        Msg::ComparedWith => ("Comparable à", "비교 대상", "Compared with"),
        Msg::LastVerified => ("Vérifié le", "최종 확인일", "Last verified"),
        Msg::HiddenByFilters => ("Ce partenariat n'est pas affiché sur la carte avec les filtres actuels.", "현재 필터에서는 이 교류가 지도에 표시되지 않습니다.", "This partnership is not drawn with the current filters."),
        Msg::EventsOfYears => ("Événements des années choisies", "선택한 기간의 사건", "Events of the selected years"),
        Msg::DownloadCsv => ("Télécharger (CSV)", "CSV로 내려받기", "Download CSV"),
        Msg::OpenDataset => ("Ouvrir un jeu de données…", "데이터 파일 열기…", "Open a dataset…"),
        Msg::About => ("À propos", "소개", "About"),
        Msg::AboutTitle => ("À propos de cette carte", "이 지도에 대하여", "About this map"),
        Msg::AboutWhat => (
            "Cette carte montre les partenariats entre collectivités territoriales françaises et sud-coréennes : jumelages, accords d'amitié et de coopération, lettres d'intention, mais aussi échanges et projets sans accord signé. Chaque fait y cite la page où il a été lu.",
            "이 지도는 프랑스와 한국 지방정부 사이의 교류를 보여 줍니다. 자매결연, 우호·협력 협정, 의향서는 물론 협정 없이 이루어진 교류와 추진 계획까지 담았으며, 모든 사실에 그것을 확인한 출처를 밝혔습니다.",
            "This map shows the partnerships between French and South Korean local authorities: twinnings, friendship and cooperation agreements, letters of intent, and also exchanges and plans with nothing signed. Every fact cites the page it was read on.",
        ),
        Msg::AboutKeeper => ("Qui la tient à jour", "관리 주체", "Maintained by"),
        Msg::AboutNoPublisher => ("Le fichier de données ne nomme pas d'éditeur.", "데이터 파일에 발행 주체가 적혀 있지 않습니다.", "The data file names no publisher."),
        Msg::AboutMethod => ("Comment les faits ont été trouvés", "자료를 찾은 방법", "How the facts were found"),
        Msg::AboutMethodText => (
            "Chaque valeur a été lue sur une page publique (sites des villes et des régions, presse nationale et locale, Wikipédia et ses copies, pages de la GAOK et de Cités Unies France) ou dans le dépliant de 2016 du groupe-pays, et chaque enregistrement cite ses sources. Ce qu'aucune source ne dit reste inconnu : rien n'est deviné.",
            "모든 값은 공개된 웹 페이지(시·도와 프랑스 지방정부의 누리집, 전국·지역 언론, 위키백과와 그 사본, 시도지사협의회(GAOK)와 프랑스 도시연합(CUF)의 페이지)나 국가별 그룹의 2016년 안내문에서 확인했으며, 각 항목에 출처를 밝혔습니다. 어떤 출처에도 없는 내용은 추측하지 않고 미상으로 둡니다.",
            "Every value was read on a public page (city and region websites, national and local press, Wikipedia and its copies, GAOK and Cités Unies France pages) or in the country group's 2016 flyer, and every record cites its sources. What no source says stays unknown: nothing is guessed.",
        ),
        Msg::AboutWords => ("Ce que disent les mots de la carte", "지도에 쓰인 말의 뜻", "What the words on the map mean"),
        Msg::StatusSigned => ("Accord signé", "협정 체결", "Signed agreement"),
        Msg::StatusSignedHelp => (
            "Une source rapporte un document signé ; son type est indiqué quand il est connu :",
            "서명된 문서가 있다고 출처가 전합니다. 종류를 알면 함께 표시합니다.",
            "A source reports a signed document; its kind is given when known:",
        ),
        Msg::StatusListed => ("Listé par le groupe-pays", "국가별 그룹 목록에 실림", "Listed by the country group"),
        Msg::StatusListedHelp => (
            "Cités comme partenaires par le dépliant de 2016 du groupe-pays Corée du Sud de Cités Unies France, mais ni document signé ni type d'accord n'ont été trouvés.",
            "프랑스 도시연합(CUF) 한국 국가별 그룹의 2016년 안내문에 교류 상대로 실려 있지만, 서명된 문서도 협정 종류도 찾지 못했습니다.",
            "Named as partners in the 2016 flyer of Cités Unies France's South Korea country group, but no signed document and no kind of agreement were found.",
        ),
        Msg::StatusExchangeHelp => (
            "Des visites ou des échanges ont eu lieu, mais aucun document signé n'a été trouvé. Montrés à la demande (filtre « Accord ou statut »), en pointillés.",
            "방문이나 교류는 있었지만 서명된 문서는 찾지 못했습니다. ‘협정 유형·상태’ 필터에서 고르면 점선으로 표시됩니다.",
            "Visits or exchanges took place, but no signed document was found. Shown on demand (the “Agreement or status” filter), dashed.",
        ),
        Msg::StatusPlannedHelp => (
            "Un projet a été annoncé, mais rien ne montre qu'il ait été signé. Montré à la demande, en pointillés.",
            "추진 계획이 발표되었지만 서명되었다는 근거는 없습니다. 필터에서 고르면 점선으로 표시됩니다.",
            "A plan was announced, but nothing shows that it was signed. Shown on demand, dashed.",
        ),
        Msg::UncertainHelp => (
            "Les sources se contredisent, ou la valeur est déduite d'une source indirecte : à vérifier.",
            "출처끼리 어긋나거나 간접 자료에서 추론한 값으로, 확인이 필요합니다.",
            "The sources disagree, or the value is inferred from an indirect source: to be checked.",
        ),
        Msg::UnknownHelp => (
            "Aucune source consultée ne le dit. Inconnu ne veut pas dire « aucun ».",
            "확인한 어떤 출처에도 나오지 않습니다. 미상은 ‘없음’이라는 뜻이 아닙니다.",
            "No source consulted says it. Unknown does not mean “none”.",
        ),
        Msg::AboutLicence => ("Licences et crédits", "이용 조건과 출처", "Licences and credits"),
        Msg::AboutLicenceData => (
            "Données : le fichier ne déclare aucune licence. Chaque fait renvoie à sa source ; les coordonnées d'une partie des collectivités viennent de GeoNames (CC BY 4.0).",
            "데이터: 파일에 이용 허락(라이선스)이 밝혀져 있지 않습니다. 모든 사실에 출처가 있으며, 일부 지방정부의 좌표는 GeoNames(CC BY 4.0)에서 가져왔습니다.",
            "Data: the file declares no licence. Every fact links to its source; the coordinates of some authorities come from GeoNames (CC BY 4.0).",
        ),
        Msg::AboutLicenceMap => (
            "Fond de carte : contours des pays de Natural Earth (domaine public), par le paquet world-atlas (ISC). Bibliothèque cartographique : Leaflet (BSD-2-Clause).",
            "배경 지도: Natural Earth의 국가 경계(퍼블릭 도메인), world-atlas 패키지(ISC)를 통해 사용. 지도 라이브러리: Leaflet(BSD-2-Clause).",
            "Basemap: country outlines from Natural Earth (public domain), through the world-atlas package (ISC). Map library: Leaflet (BSD-2-Clause).",
        ),
        Msg::Propose => ("Proposer un partenariat ou une correction", "교류 제안 또는 정정 요청", "Propose a partnership or a correction"),
        Msg::ForMaintainers => ("Pour les gestionnaires des données", "데이터 관리자용", "For maintainers"),
        Msg::ForMaintainersHelp => (
            "Prévisualiser un fichier de données (JSON ou CSV) avec la même validation que la carte ; on peut aussi le déposer sur la page. Rien n'est envoyé.",
            "데이터 파일(JSON 또는 CSV)을 지도와 같은 검증 과정으로 미리 봅니다. 파일을 페이지에 끌어다 놓아도 됩니다. 아무것도 전송되지 않습니다.",
            "Preview a data file (JSON or CSV) with the same validation as the map; you can also drop it on the page. Nothing is uploaded.",
        ),
        Msg::ProposeIntro => (
            "Ce formulaire prépare un message : l'enregistrement au format du fichier de données, avec vos sources. Rien ne part sans vous : copiez-le, téléchargez-le ou ouvrez-le dans votre messagerie.",
            "이 양식은 데이터 파일 형식의 항목과 출처를 담은 메시지를 만듭니다. 직접 보내기 전에는 아무것도 전송되지 않습니다. 복사하거나 내려받거나 메일 프로그램에서 여세요.",
            "This form prepares a message: the record in the data file's format, with your sources. Nothing is sent until you send it: copy it, download it or open it in your mail program.",
        ),
        Msg::ProposeWhich => ("Partenariat", "교류", "Partnership"),
        Msg::ProposeNew => ("Nouveau partenariat", "새 교류", "A new partnership"),
        Msg::ProposeNameHint => ("Choisissez dans la liste ou tapez un nom", "목록에서 고르거나 이름을 입력하세요", "Choose from the list or type a name"),
        Msg::ProposeNewAuthority => ("Pas sur la carte : choisissez une suggestion, ou précisez pour l'ajouter", "지도에 없는 이름입니다. 제안 목록에서 고르거나, 새로 추가하려면 아래를 채워 주세요", "Not on the map: choose a suggestion, or fill in below to add it"),
        Msg::ProposeLatinName => ("Nom en lettres latines", "로마자 이름", "Name in Latin letters"),
        Msg::ProposeSources => ("Sources (une adresse web par ligne)", "출처 (한 줄에 웹 주소 하나)", "Sources (one web address per line)"),
        Msg::ProposeComment => ("Que faut-il corriger ? Autre chose à ajouter ?", "무엇을 고쳐야 하나요? 덧붙일 내용이 있나요?", "What should be corrected? Anything to add?"),
        Msg::ProposeYourName => ("Votre nom (facultatif)", "이름 (선택)", "Your name (optional)"),
        Msg::ProposeYourEmail => ("Votre courriel (facultatif)", "이메일 (선택)", "Your e-mail (optional)"),
        Msg::ProposeMessage => ("Le message", "보낼 내용", "The message"),
        Msg::ProposeCopy => ("Copier le message", "내용 복사", "Copy the message"),
        Msg::ProposeCopied => ("Message copié", "내용을 복사했습니다", "Message copied"),
        Msg::ProposeCopyFailed => ("Copie impossible : sélectionnez le message ci-dessous", "복사할 수 없습니다. 아래 내용을 선택하세요", "Could not copy: select the message below"),
        Msg::ProposeDownload => ("Télécharger (.json)", "내려받기 (.json)", "Download (.json)"),
        Msg::ProposeMail => ("Ouvrir dans ma messagerie", "메일 프로그램에서 열기", "Open in my mail program"),
        Msg::ProposeTo => ("Destinataire", "받는 곳", "To"),
        Msg::ProposeNoEmail => (
            "Le fichier de données ne donne pas d'adresse électronique pour ce destinataire : copiez ou téléchargez le message, puis transmettez-le par sa page web.",
            "데이터 파일에 받는 곳의 이메일 주소가 없습니다. 내용을 복사하거나 내려받은 뒤 해당 웹 페이지를 통해 전해 주세요.",
            "The data file gives no e-mail address for the recipient: copy or download the message, then pass it on through their web page.",
        ),
        Msg::ProposeIncomplete => ("Pour écrire le message :", "메시지를 만들려면:", "To write the message:"),
        Msg::BackToAbout => ("Retour à « À propos »", "소개로 돌아가기", "Back to About"),
        Msg::DropHint => ("Déposez un fichier JSON ou CSV pour le prévisualiser", "JSON 또는 CSV 파일을 끌어다 놓으면 미리 볼 수 있습니다", "Drop a JSON or CSV file to preview it"),
        Msg::Previewing => ("Aperçu du fichier", "파일 미리보기", "Previewing"),
        Msg::NoLand => (
            "Les contours des pays n'ont pas pu être chargés : la carte est dessinée sans eux.",
            "나라 경계선을 불러오지 못해 경계선 없이 지도를 그렸습니다.",
            "The country outlines could not be loaded: the map is drawn without them.",
        ),
        Msg::PreviewNote => ("rien n'est envoyé : le fichier reste sur cet appareil.", "파일은 전송되지 않고 이 기기에만 남습니다.", "nothing is uploaded: the file stays on this device."),
        Msg::BackToBundled => ("Revenir aux données publiées", "공개 데이터로 돌아가기", "Back to the published data"),
        Msg::Location => ("Position sur la carte", "지도상 위치", "Position on the map"),
        Msg::View => ("Vue", "보기", "View"),
        Msg::ViewTwin => ("Côte à côte", "나란히 보기", "Side by side"),
        Msg::ViewWorld => ("Monde", "세계 지도", "World"),
        Msg::OpenFullMap => ("Ouvrir la carte complète", "전체 지도 열기", "Open the full map"),
        Msg::FullScreen => ("Plein écran", "전체 화면", "Full screen"),
        Msg::Embed => ("Intégrer", "삽입", "Embed"),
        Msg::EmbedTitle => ("Intégrer la carte dans un site", "웹사이트에 지도 삽입", "Embed the map in a website"),
        Msg::EmbedFocus => ("Collectivité", "지자체", "Authority"),
        Msg::EmbedAll => ("Toutes", "전체", "All"),
        Msg::EmbedKeepFilters => ("Garder les filtres actuels", "현재 필터 유지", "Keep the current filters"),
        Msg::EmbedResize => ("Ajuster la hauteur au contenu (script)", "내용에 맞춰 높이 조정 (스크립트)", "Fit the height to the content (script)"),
        Msg::EmbedCode => ("Code à coller", "붙여 넣을 코드", "Code to paste"),
        Msg::EmbedPreview => ("Aperçu de la carte intégrée", "삽입된 지도 미리 보기", "Preview of the embedded map"),
        Msg::Width => ("Largeur (px)", "너비 (px)", "Width (px)"),
        Msg::Height => ("Hauteur (px)", "높이 (px)", "Height (px)"),
        Msg::Share => ("Partager", "공유", "Share"),
        Msg::ShareLink => ("Lien de cette vue", "이 화면의 링크", "Link to this view"),
        Msg::CopyLink => ("Copier le lien", "링크 복사", "Copy link"),
        Msg::LinkCopied => ("Lien copié", "링크를 복사했습니다", "Link copied"),
        Msg::CopyFailed => ("Copie impossible : sélectionnez le lien ci-dessus", "복사할 수 없습니다. 위의 링크를 선택하세요", "Could not copy: select the link above"),
        Msg::QrLabel => ("QR code du lien de cette vue", "이 화면 링크의 QR 코드", "QR code of the link to this view"),
        Msg::ShowList => ("Liste", "목록", "List"),
        Msg::ShowMap => ("Carte", "지도", "Map"),
        Msg::ShowMore => ("Afficher plus", "더 보기", "Show more"),
        Msg::ListOrder => ("Ordre", "정렬", "Order"),
        Msg::DownloadPng => ("Télécharger l'image (PNG)", "지도 이미지 내려받기 (PNG)", "Download PNG"),
        Msg::PreparingImage => ("Préparation de l'image…", "이미지를 만드는 중…", "Preparing the image…"),
        Msg::ImageSaved => ("Image enregistrée", "이미지를 저장했습니다", "Image saved"),
        Msg::ImageFailed => ("L'image n'a pas pu être créée", "이미지를 만들지 못했습니다", "The image could not be made"),
        Msg::UnknownYearLeftOut => ("années inconnues exclues", "연도 미상 제외", "unknown years left out"),
        Msg::PlayYears => ("Rejouer les années", "연도별 재생", "Play the years"),
        Msg::Play => ("Lecture", "재생", "Play"),
        Msg::PausePlayback => ("Mettre en pause", "일시 정지", "Pause"),
        Msg::Speed => ("Vitesse", "속도", "Speed"),
        Msg::YearShown => ("Année affichée", "표시 연도", "Year shown"),
        Msg::ThatYear => ("Cette année-là", "그해의 일", "That year"),
        Msg::NoEventThatYear => ("Aucun événement daté cette année-là", "이 해에 기록된 일이 없습니다", "No dated event that year"),
        Msg::KioskScan => ("Scannez pour l'ouvrir sur votre téléphone", "휴대전화로 스캔하여 열기", "Scan to open it on your phone"),
        Msg::KioskAuto => ("Présentation automatique", "자동 소개 중", "Playing automatically"),
        Msg::KioskPaused => ("En pause : reprise automatique sans activité", "일시 정지: 입력이 없으면 자동으로 다시 시작", "Paused: resumes automatically when idle"),
        Msg::KioskControls => ("Commandes", "조작 메뉴", "Controls"),
        Msg::KioskControlsLabel => ("Commandes de présentation", "프레젠테이션 조작 메뉴", "Presenter controls"),
        Msg::KioskPresentation => ("Présentation", "프레젠테이션", "Presentation"),
        Msg::KioskPrevious => ("Précédent", "이전", "Previous"),
        Msg::KioskNext => ("Suivant", "다음", "Next"),
        Msg::KioskOverview => ("Vue d'ensemble", "전체 보기", "Overview"),
        Msg::KioskExit => ("Quitter la présentation", "프레젠테이션 종료", "Leave presenter mode"),
        Msg::KioskEnter => ("Présenter sur grand écran", "큰 화면으로 발표", "Present on a big screen"),
        Msg::TourProblems => ("Problèmes dans le fichier de visite", "투어 파일 오류", "Problems in the tour file"),
        Msg::AvailableOffline => ("Disponible hors ligne", "오프라인에서도 사용 가능", "Available offline"),
        Msg::OfflineNow => ("Hors ligne : la carte reste complète", "오프라인: 지도는 그대로 사용 가능", "Offline: the map is all here"),
        Msg::HiddenByFiltersShort => ("masqué par les filtres", "필터로 숨김", "hidden by the filters"),
        Msg::AuthorityCard => ("Collectivité et ses partenariats", "지방정부와 교류 목록", "Authority and its partnerships"),
        Msg::CardRegion => ("Fiche", "상세 정보", "Details"),
        Msg::SheetHandle => ("Hauteur de la fiche", "카드 높이", "Card height"),
        Msg::SheetPeek => ("réduite", "작게", "small"),
        Msg::SheetHalf => ("moyenne", "중간", "medium"),
        Msg::SheetFull => ("plein écran", "전체 화면", "full screen"),
        Msg::BackToMap => ("Carte", "지도", "Map"),
    };
    match lang {
        Lang::Fr => fr,
        Lang::Ko => ko,
        Lang::En => en,
    }
}

/// "4 of 12 partnerships", numbers written for the language.
pub fn count_text(lang: Lang, shown: usize, total: usize) -> String {
    let (n, of) = (format_number(lang, shown as u64), format_number(lang, total as u64));
    match lang {
        Lang::Fr => format!("{n} sur {of} partenariat{}", if total > 1 { "s" } else { "" }),
        Lang::Ko => format!("전체 {of}건 중 {n}건"),
        Lang::En => format!("{n} of {of} partnership{}", if total == 1 { "" } else { "s" }),
    }
}

/// "28 of 36 partnerships · 23 on the map": [`count_text`], and how many of the shown
/// partnerships are drawn when some cannot be (an authority without a position).
pub fn count_on_map_text(lang: Lang, shown: usize, total: usize, drawn: usize) -> String {
    let count = count_text(lang, shown, total);
    if drawn >= shown {
        return count;
    }
    let d = format_number(lang, drawn as u64);
    match lang {
        Lang::Fr => format!("{count} · {d} sur la carte"),
        Lang::Ko => format!("{count} · 지도에 {d}건"),
        Lang::En => format!("{count} · {d} on the map"),
    }
}

/// "2 partnerships", "1 partenariat", "2건".
pub fn partnership_count_text(lang: Lang, n: usize) -> String {
    let number = format_number(lang, n as u64);
    // A no-break space keeps the number with its noun when a suggestion wraps.
    match lang {
        // French puts 0 and 1 in the singular.
        Lang::Fr => format!("{number}\u{a0}partenariat{}", if n > 1 { "s" } else { "" }),
        Lang::Ko => format!("{number}건"),
        Lang::En => format!("{number}\u{a0}partnership{}", if n == 1 { "" } else { "s" }),
    }
}

/// What a search suggestion stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suggested<'a> {
    Authority,
    /// A region of this country.
    Region(Country),
    /// A former region, now part of the region named (of this country).
    MergedInto(&'a str, Country),
    /// A region's former name; the region's name today.
    RenamedTo(&'a str),
}

/// "region, 2 partnerships"; "former region, now part of Grand Est · 3 partnerships": what
/// follows a suggestion's name.
pub fn suggestion_about(lang: Lang, what: Suggested, count: usize) -> String {
    let n = partnership_count_text(lang, count);
    match (lang, what) {
        (Lang::Fr, Suggested::Authority) => format!("collectivité, {n}"),
        (Lang::Ko, Suggested::Authority) => format!("지자체, {n}"),
        (Lang::En, Suggested::Authority) => format!("authority, {n}"),
        (Lang::Fr, Suggested::Region(_)) => format!("région, {n}"),
        (Lang::Ko, Suggested::Region(Country::Korea)) => format!("광역, {n}"),
        (Lang::Ko, Suggested::Region(Country::France)) => format!("레지옹, {n}"),
        (Lang::En, Suggested::Region(_)) => format!("region, {n}"),
        (Lang::Fr, Suggested::MergedInto(now, _)) => format!("ancienne région, aujourd'hui dans la région {now} · {n}"),
        (Lang::Ko, Suggested::MergedInto(now, Country::France)) => format!("옛 레지옹, 지금은 {now}의 일부 · {n}"),
        (Lang::Ko, Suggested::MergedInto(now, Country::Korea)) => format!("옛 광역자치단체, 지금은 {now}의 일부 · {n}"),
        (Lang::En, Suggested::MergedInto(now, _)) => format!("former region, now part of {now} · {n}"),
        (Lang::Fr, Suggested::RenamedTo(now)) => format!("ancien nom, aujourd'hui {now} · {n}"),
        (Lang::Ko, Suggested::RenamedTo(now)) => format!("옛 이름, 지금은 {now} · {n}"),
        (Lang::En, Suggested::RenamedTo(now)) => format!("former name, now {now} · {n}"),
    }
}

/// "A, B and C" as the language writes a short list.
pub fn join_list(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let and = match lang {
                Lang::Fr => " et ",
                Lang::Ko => ", ",
                Lang::En => " and ",
            };
            format!("{}{and}{last}", init.join(", "))
        }
    }
}

/// Under a list item whose pair is not drawn: "Position unknown: Seocho-gu". `names` are the
/// authorities without a position, in the interface's language.
pub fn unlocated_note(lang: Lang, names: &[String]) -> String {
    let list = names.join(", ");
    match (lang, names.len() > 1) {
        (Lang::Fr, false) => format!("Position inconnue : {list}"),
        (Lang::Fr, true) => format!("Positions inconnues : {list}"),
        (Lang::Ko, _) => format!("위치 미상: {list}"),
        (Lang::En, false) => format!("Position unknown: {list}"),
        (Lang::En, true) => format!("Positions unknown: {list}"),
    }
}

/// In the card of a pair that is not drawn: why.
pub fn not_drawn_text(lang: Lang, names: &[String]) -> String {
    let list = join_list(lang, names);
    match (lang, names.len() > 1) {
        // "pour", not "de": no elision to get wrong before a name (d'Île-de-France, du Havre).
        (Lang::Fr, false) => format!("Ce partenariat n'est pas tracé sur la carte : position inconnue pour {list}."),
        (Lang::Fr, true) => format!("Ce partenariat n'est pas tracé sur la carte : positions inconnues pour {list}."),
        (Lang::Ko, _) => format!("이 교류는 지도에 선으로 그려지지 않습니다: {list}의 위치를 알 수 없습니다."),
        (Lang::En, _) => format!("This partnership is not drawn on the map: no position is known for {list}."),
    }
}

/// What keeps the propose form from writing its message, as a step to take.
pub fn missing_text(lang: Lang, m: super::proposal::Missing) -> String {
    use super::proposal::Missing;
    let side = |c: Country| match (lang, c) {
        (Lang::Fr, Country::Korea) => "coréenne",
        (Lang::Fr, Country::France) => "française",
        (Lang::Ko, Country::Korea) => "한국",
        (Lang::Ko, Country::France) => "프랑스",
        (Lang::En, Country::Korea) => "Korean",
        (Lang::En, Country::France) => "French",
    };
    match (lang, m) {
        (Lang::Fr, Missing::Authority(c)) => format!("nommez la collectivité {}", side(c)),
        (Lang::Ko, Missing::Authority(c)) => format!("{} 지방정부를 입력하세요", side(c)),
        (Lang::En, Missing::Authority(c)) => format!("name the {} authority", side(c)),
        (Lang::Fr, Missing::LatinName(c)) => format!("donnez le nom de la collectivité {} en lettres latines", side(c)),
        (Lang::Ko, Missing::LatinName(c)) => format!("{} 지방정부의 로마자 이름을 입력하세요", side(c)),
        (Lang::En, Missing::LatinName(c)) => format!("give the {} authority's name in Latin letters", side(c)),
        (Lang::Fr, Missing::Region(c)) => format!("choisissez la région de la collectivité {}", side(c)),
        (Lang::Ko, Missing::Region(c)) => format!("{} 지방정부의 지역을 고르세요", side(c)),
        (Lang::En, Missing::Region(c)) => format!("choose the {} authority's region", side(c)),
        (Lang::Fr, Missing::Year) => "l'année doit être comprise entre 1800 et 2100".into(),
        (Lang::Ko, Missing::Year) => "연도는 1800년에서 2100년 사이여야 합니다".into(),
        (Lang::En, Missing::Year) => "the year must be between 1800 and 2100".into(),
        (Lang::Fr, Missing::Source(n)) => format!("la ligne {n} des sources n'est pas une adresse web (http ou https)"),
        (Lang::Ko, Missing::Source(n)) => format!("출처의 {n}번째 줄이 웹 주소(http 또는 https)가 아닙니다"),
        (Lang::En, Missing::Source(n)) => format!("line {n} of the sources is not a web address (http or https)"),
        (Lang::Fr, Missing::NoSource) => "donnez au moins une source : l'adresse de la page qui le dit".into(),
        (Lang::Ko, Missing::NoSource) => "출처를 하나 이상 적어 주세요: 그 내용이 실린 페이지의 주소".into(),
        (Lang::En, Missing::NoSource) => "give at least one source: the address of the page that says so".into(),
        (Lang::Fr, Missing::Email) => "votre courriel n'est pas une adresse valide".into(),
        (Lang::Ko, Missing::Email) => "이메일 주소 형식이 올바르지 않습니다".into(),
        (Lang::En, Missing::Email) => "your e-mail is not a valid address".into(),
    }
}

/// The subject of the proposal's e-mail: "Proposition pour la carte des partenariats
/// franco-coréens : Séoul ↔ Paris".
pub fn proposal_subject(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Fr => format!("Proposition pour la carte des partenariats franco-coréens : {title}"),
        Lang::Ko => format!("한불 지방정부 교류 지도 제안: {title}"),
        Lang::En => format!("Proposal for the Franco-Korean partnership map: {title}"),
    }
}

/// The proposal's e-mail: a greeting, the visitor's comment, and the message itself.
pub fn proposal_body(lang: Lang, comment: Option<&str>, json: &str) -> String {
    let (hello, record) = match lang {
        Lang::Fr => ("Bonjour,\n\nVoici une proposition pour la carte des partenariats franco-coréens.", "L'enregistrement, au format du fichier de données :"),
        Lang::Ko => ("안녕하세요.\n\n한불 지방정부 교류 지도에 대한 제안을 보냅니다.", "데이터 파일 형식의 항목:"),
        Lang::En => ("Hello,\n\nHere is a proposal for the Franco-Korean partnership map.", "The record, in the data file's format:"),
    };
    match comment {
        Some(c) => format!("{hello}\n\n{c}\n\n{record}\n\n{json}"),
        None => format!("{hello}\n\n{record}\n\n{json}"),
    }
}

/// "12 problems", for the problems panel summary.
pub fn problem_count_text(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("{} problème{}", format_number(lang, n as u64), if n > 1 { "s" } else { "" }),
        Lang::Ko => format!("오류 {}건", format_number(lang, n as u64)),
        Lang::En => format!("{} problem{}", format_number(lang, n as u64), if n == 1 { "" } else { "s" }),
    }
}

/// "… and 149,800 more", under the first problems of a long list (the panel shows a bounded
/// number; the data tool prints them all).
pub fn more_problems_text(lang: Lang, n: usize) -> String {
    let count = format_number(lang, n as u64);
    match lang {
        Lang::Fr => format!("… et {count} autre{}", if n > 1 { "s" } else { "" }),
        Lang::Ko => format!("… 외 {count}건"),
        Lang::En => format!("… and {count} more"),
    }
}

/// The accessible name of a map marker standing for `n` authorities too close to tell apart.
pub fn group_label(lang: Lang, n: usize) -> String {
    let n = format_number(lang, n as u64);
    match lang {
        Lang::Fr => format!("{n} collectivités trop proches pour être distinguées : zoomer"),
        Lang::Ko => format!("너무 가까이 있는 지자체 {n}곳: 확대"),
        Lang::En => format!("{n} authorities too close to tell apart: zoom in"),
    }
}

/// The names of a map's zoom buttons (in and out); on the side-by-side view, of which country.
pub fn zoom_labels(lang: Lang, country: Option<Country>) -> (String, String) {
    let (zin, zout) = match lang {
        Lang::Fr => ("Zoomer", "Dézoomer"),
        Lang::Ko => ("확대", "축소"),
        Lang::En => ("Zoom in", "Zoom out"),
    };
    let on = match (lang, country) {
        (_, None) => return (zin.to_string(), zout.to_string()),
        (Lang::Fr, Some(Country::France)) => " : France",
        (Lang::Fr, Some(Country::Korea)) => " : Corée du Sud",
        (Lang::Ko, Some(Country::France)) => " (프랑스 지도)",
        (Lang::Ko, Some(Country::Korea)) => " (한국 지도)",
        (Lang::En, Some(Country::France)) => ": France",
        (Lang::En, Some(Country::Korea)) => ": South Korea",
    };
    (format!("{zin}{on}"), format!("{zout}{on}"))
}

/// The accessible name of the indicator on a map's edge that stands for `n` authorities lying
/// beyond it (`country`: the map of which country; `None`: the world map).
pub fn edge_label(lang: Lang, n: usize, edge: super::frame::Edge, country: Option<Country>) -> String {
    use super::frame::Edge;
    let count = format_number(lang, n as u64);
    match lang {
        Lang::Fr => {
            let side = match edge {
                Edge::Top => "en haut",
                Edge::Right => "à droite",
                Edge::Bottom => "en bas",
                Edge::Left => "à gauche",
            };
            let map = match country {
                Some(Country::France) => " de la carte de France",
                Some(Country::Korea) => " de la carte de Corée du Sud",
                None => " de la carte",
            };
            let s = if n > 1 { "s" } else { "" };
            format!("{count} collectivité{s} au-delà du bord {side}{map} : afficher")
        }
        Lang::Ko => {
            let side = match edge {
                Edge::Top => "위쪽",
                Edge::Right => "오른쪽",
                Edge::Bottom => "아래쪽",
                Edge::Left => "왼쪽",
            };
            let map = match country {
                Some(Country::France) => "프랑스 지도 ",
                Some(Country::Korea) => "한국 지도 ",
                None => "지도 ",
            };
            format!("{map}{side} 가장자리 너머 지자체 {count}곳: 보기")
        }
        Lang::En => {
            let side = match edge {
                Edge::Top => "top",
                Edge::Right => "right",
                Edge::Bottom => "bottom",
                Edge::Left => "left",
            };
            let map = match country {
                Some(Country::France) => " of the map of France",
                Some(Country::Korea) => " of the map of South Korea",
                None => " of the map",
            };
            let s = if n == 1 { "authority" } else { "authorities" };
            format!("{count} {s} beyond the {side} edge{map}: show")
        }
    }
}

/// An option of the list's order (`sort=`).
pub fn order_label(lang: Lang, order: super::order::Order) -> &'static str {
    use super::order::Order;
    let (fr, ko, en) = match order {
        Order::Data => ("Par défaut", "기본 순서", "Default"),
        Order::Name => ("Nom (A → Z)", "이름 (가나다순)", "Name (A → Z)"),
        Order::Oldest => ("Année : la plus ancienne d'abord", "연도: 오래된 순", "Year: oldest first"),
        Order::Newest => ("Année : la plus récente d'abord", "연도: 최근 순", "Year: newest first"),
        Order::Region => ("Région", "지역", "Region"),
    };
    pick(lang, fr, ko, en)
}

fn pick(lang: Lang, fr: &'static str, ko: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::Ko => ko,
        Lang::En => en,
    }
}

/// The name of a language of the data (an ISO 639-1 code) in the interface's language:
/// "coréen", "한국어", "Korean"; `None` for a language the interface cannot name.
pub fn language_name(lang: Lang, code: &str) -> Option<&'static str> {
    let (fr, ko, en) = match code {
        "fr" => ("français", "프랑스어", "French"),
        "ko" => ("coréen", "한국어", "Korean"),
        "en" => ("anglais", "영어", "English"),
        "de" => ("allemand", "독일어", "German"),
        _ => return None,
    };
    Some(pick(lang, fr, ko, en))
}

/// "(en coréen)", "(한국어)", "(in Korean)": said after a text shown in another language than
/// the interface's, because the data has it in no other.
pub fn in_language(lang: Lang, code: &str) -> Option<String> {
    let name = language_name(lang, code)?;
    Some(match lang {
        Lang::Fr => format!("(en {name})"),
        Lang::Ko => format!("({name})"),
        Lang::En => format!("(in {name})"),
    })
}

/// The label before a quoted wording: whose words, the step's year, and their language when it
/// is not the interface's: "Intitulé (coréen)", "Côté français", "As worded, 2019 (Korean)".
pub fn wording_label(lang: Lang, role: super::dataset::WordingRole, year: Option<i32>, code: &str) -> String {
    use super::dataset::WordingRole as R;
    let (fr, ko, en) = match role {
        R::Document => ("Intitulé", "협정 명칭", "As worded"),
        R::KoreanSide => ("Côté coréen", "한국 측 표현", "Korean side"),
        R::FrenchSide => ("Côté français", "프랑스 측 표현", "French side"),
        R::Later => ("Décrit plus tard", "이후 표현", "Later described as"),
        R::Sources => ("Dans les sources", "출처 표현", "In the sources"),
    };
    let mut label = pick(lang, fr, ko, en).to_string();
    if let Some(y) = year {
        label.push_str(&format!(", {y}"));
    }
    // "Korean side" already says the words are Korean.
    let said = matches!((role, code), (R::KoreanSide, "ko") | (R::FrenchSide, "fr"));
    if code != lang.code() && !said {
        if let Some(name) = language_name(lang, code) {
            label.push_str(&format!(" ({name})"));
        }
    }
    label
}

/// What is uncertain, by the name of the field the data marks (`uncertain: ["website"]`):
/// "site web incertain", "웹사이트 불확실", "website uncertain". `milestone` stands for a step
/// whose date or event is uncertain. A field this version does not know reads "uncertain".
pub fn uncertain_field(lang: Lang, field: &str) -> &'static str {
    let (fr, ko, en) = match field {
        "authorities" => ("partenaires incertains", "교류 당사자 불확실", "partners uncertain"),
        "kind" => ("type incertain", "유형 불확실", "kind uncertain"),
        "term" | "wording" => ("intitulé incertain", "명칭 불확실", "wording uncertain"),
        "year" => ("année incertaine", "연도 불확실", "year uncertain"),
        "date" => ("date incertaine", "날짜 불확실", "date uncertain"),
        "themes" => ("thèmes incertains", "분야 불확실", "themes uncertain"),
        "summary" => ("résumé incertain", "요약 불확실", "summary uncertain"),
        "name" => ("nom incertain", "이름 불확실", "name uncertain"),
        "region" => ("région incertaine", "지역 불확실", "region uncertain"),
        "location" => ("position sur la carte incertaine", "지도상 위치 불확실", "position on the map uncertain"),
        "population" => ("population incertaine", "인구 불확실", "population uncertain"),
        "website" => ("site web incertain", "웹사이트 불확실", "website uncertain"),
        "milestone" => ("date ou fait incertain", "날짜 또는 내용 불확실", "date or event uncertain"),
        _ => return t(lang, Msg::Uncertain),
    };
    pick(lang, fr, ko, en)
}

/// The button that goes back from a pair's card to the card of the authority it was opened
/// from.
pub fn back_to_authority(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Tous les partenariats de {name}"),
        Lang::Ko => format!("{name}의 모든 교류"),
        Lang::En => format!("All partnerships of {name}"),
    }
}

/// The button under the filters that shows what they give: "Voir les 20 partenariats".
pub fn show_results(lang: Lang, n: usize) -> String {
    let number = format_number(lang, n as u64);
    match (lang, n) {
        (Lang::Fr, 0) => "Aucun partenariat\u{a0}: voir la carte".to_string(),
        (Lang::Fr, 1) => "Voir le partenariat".to_string(),
        (Lang::Fr, _) => format!("Voir les {number}\u{a0}partenariats"),
        (Lang::Ko, _) => format!("교류 {number}건 보기"),
        (Lang::En, 0) => "No partnership: see the map".to_string(),
        (Lang::En, 1) => "Show the partnership".to_string(),
        (Lang::En, _) => format!("Show {number}\u{a0}partnerships"),
    }
}

/// "12 events".
pub fn event_count_text(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("{n} événement{}", if n > 1 { "s" } else { "" }),
        Lang::Ko => format!("사건 {n}건"),
        Lang::En => format!("{n} event{}", if n == 1 { "" } else { "s" }),
    }
}

/// "120 KB of 256 KB received", while the data arrives (kilobytes of 1,000 bytes).
pub fn received_text(lang: Lang, got: u64, total: Option<u64>) -> String {
    let kb = |n: u64| format_number(lang, n.div_ceil(1000));
    match (lang, total) {
        (Lang::Fr, Some(all)) => format!("{} Ko reçus sur {} Ko", kb(got), kb(all)),
        (Lang::Fr, None) => format!("{} Ko reçus", kb(got)),
        (Lang::Ko, Some(all)) => format!("{} KB 중 {} KB 받음", kb(all), kb(got)),
        (Lang::Ko, None) => format!("{} KB 받음", kb(got)),
        (Lang::En, Some(all)) => format!("{} KB of {} KB received", kb(got), kb(all)),
        (Lang::En, None) => format!("{} KB received", kb(got)),
    }
}

/// "1 s per year", for the playback's speed.
pub fn speed_text(lang: Lang, millis: u32) -> String {
    let seconds = if millis % 1000 == 0 { (millis / 1000).to_string() } else { format!("{:.1}", millis as f64 / 1000.0) };
    match lang {
        Lang::Fr => format!("{} s par année", seconds.replace('.', ",")),
        Lang::Ko => format!("1년에 {seconds}초"),
        Lang::En => format!("{seconds} s per year"),
    }
}

/// Why a value of the address was ignored, in `lang`: `reason` is the parser's English
/// ([`crate::domain::url_state`]); a reason not listed here is shown as given. The values a
/// parameter takes (`twin`, `fr`…) are written as the address writes them.
pub fn url_notice_reason(lang: Lang, reason: &str) -> &str {
    // (English, French, Korean)
    const REASONS: &[(&str, &str, &str)] = &[
        ("not a year", "pas une année", "연도가 아님"),
        ("year out of range", "année hors limites", "범위를 벗어난 연도"),
        ("expected seconds from 1 to 86400", "attendu\u{a0}: de 1 à 86400 secondes", "허용 값: 1~86400초"),
        ("expected 0 or 1", "attendu\u{a0}: 0 ou 1", "허용 값: 0, 1"),
        ("expected 1 or 0", "attendu\u{a0}: 1 ou 0", "허용 값: 1, 0"),
        ("expected twin or world", "attendu\u{a0}: twin ou world", "허용 값: twin, world"),
        ("expected list, timeline or tiers", "attendu\u{a0}: list, timeline ou tiers", "허용 값: list, timeline, tiers"),
        ("expected 1 or propose", "attendu\u{a0}: 1 ou propose", "허용 값: 1, propose"),
        ("expected name, oldest, newest, region or data", "attendu\u{a0}: name, oldest, newest, region ou data", "허용 값: name, oldest, newest, region, data"),
        ("expected kiosk", "attendu\u{a0}: kiosk", "허용 값: kiosk"),
        ("expected a .json file in the app's folder", "attendu\u{a0}: un fichier .json du dossier de l’application", "허용 값: 앱 폴더의 .json 파일"),
        ("expected an http(s) address", "attendu\u{a0}: une adresse http(s)", "허용 값: http(s) 주소"),
        ("expected fr, ko or en", "attendu\u{a0}: fr, ko ou en", "허용 값: fr, ko, en"),
    ];
    match (lang, REASONS.iter().find(|(en, _, _)| *en == reason)) {
        (Lang::Fr, Some((_, fr, _))) => fr,
        (Lang::Ko, Some((_, _, ko))) => ko,
        _ => reason,
    }
}

/// The start of one line of the address's notices (the values follow): `n` values of `param`
/// ignored, and why (`reason`, in English as the parser gives it, written in `lang` by
/// [`url_notice_reason`]; `None` for ids that name nothing: "1,486 unknown regions ignored").
pub fn url_notice_summary(lang: Lang, param: &str, reason: Option<&str>, n: usize) -> String {
    let count = format_number(lang, n as u64);
    let many = n > 1;
    let Some(reason) = reason else {
        // (French noun, feminine?, Korean noun, English noun) for each parameter naming ids.
        let (fr, feminine, ko, en) = match param {
            "region" => ("région", true, "지역", "region"),
            "theme" => ("thème", false, "분야", "theme"),
            "kind" => ("type", false, "유형", "kind"),
            "focus" | "place" => ("collectivité", true, "지자체", "authority"),
            "pair" => ("partenariat", false, "교류", "partnership"),
            _ => ("valeur", true, "값", "value"),
        };
        return match lang {
            Lang::Fr => {
                let (s, e) = (if many { "s" } else { "" }, if feminine { "e" } else { "" });
                let unknown = if feminine { "inconnue" } else { "inconnu" };
                format!("{count} {fr}{s} {unknown}{s} ignoré{e}{s}")
            }
            Lang::Ko => format!("알 수 없는 {ko} {count}개 무시"),
            Lang::En => {
                let noun = match (en, many) {
                    ("authority", true) => "authorities".to_string(),
                    (noun, true) => format!("{noun}s"),
                    (noun, false) => noun.to_string(),
                };
                format!("{count} unknown {noun} ignored")
            }
        };
    };
    let reason = url_notice_reason(lang, reason);
    match lang {
        Lang::Fr => format!("{count} valeur{s} ignorée{s} ({reason})", s = if many { "s" } else { "" }),
        Lang::Ko => format!("값 {count}개 무시 ({reason})"),
        Lang::En => format!("{count} value{s} ignored ({reason})", s = if many { "s" } else { "" }),
    }
}

/// After the few values a notice names: how many it does not.
pub fn url_notice_more(lang: Lang, n: usize) -> String {
    let count = format_number(lang, n as u64);
    match lang {
        Lang::Fr => format!("et {count} autre{}", if n > 1 { "s" } else { "" }),
        Lang::Ko => format!("외 {count}개"),
        Lang::En => format!("and {count} more"),
    }
}

/// The last line of the address's notices when there are too many kinds to list.
pub fn url_notice_other_kinds(lang: Lang, n: usize) -> String {
    let count = format_number(lang, n as u64);
    match lang {
        Lang::Fr => format!("… et {count} autre{s} sorte{s} de valeurs ignorée{s}", s = if n > 1 { "s" } else { "" }),
        Lang::Ko => format!("… 그 밖에 {count}가지 값 무시"),
        Lang::En => format!("… and {count} other kind{} of value ignored", if n > 1 { "s" } else { "" }),
    }
}

/// A whole number with the language's digit grouping.
pub fn format_number(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Fr => "\u{202F}", // narrow no-break space, as French typography wants
        Lang::Ko | Lang::En => ",",
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

const MONTHS_FR: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
];

/// A partial date as the language writes it, keeping its precision ("octobre 2005").
pub fn format_date(lang: Lang, d: PartialDate) -> String {
    let y = d.year;
    match (lang, d.month, d.day) {
        (Lang::Ko, None, _) => format!("{y}년"),
        (Lang::Ko, Some(m), None) => format!("{y}년 {m}월"),
        (Lang::Ko, Some(m), Some(day)) => format!("{y}년 {m}월 {day}일"),
        (_, None, _) => y.to_string(),
        (Lang::Fr, Some(m), None) => format!("{} {y}", MONTHS_FR[m as usize - 1]),
        (Lang::Fr, Some(m), Some(day)) => {
            format!("{}{} {} {y}", day, if day == 1 { "er" } else { "" }, MONTHS_FR[m as usize - 1])
        }
        (Lang::En, Some(m), None) => format!("{} {y}", MONTHS_EN[m as usize - 1]),
        (Lang::En, Some(m), Some(day)) => format!("{day} {} {y}", MONTHS_EN[m as usize - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_a_text_in_every_language() {
        for &m in Msg::ALL {
            for l in Lang::ALL {
                assert!(!t(l, m).trim().is_empty(), "{m:?} is empty in {l:?}");
            }
        }
    }

    #[test]
    fn the_problems_beyond_the_list_are_counted_in_each_language() {
        assert_eq!(more_problems_text(Lang::En, 149_800), "… and 149,800 more");
        assert_eq!(more_problems_text(Lang::Fr, 149_800), "… et 149\u{202F}800 autres");
        assert_eq!(more_problems_text(Lang::Fr, 1), "… et 1 autre");
        assert_eq!(more_problems_text(Lang::Ko, 149_800), "… 외 149,800건");
    }

    #[test]
    fn received_bytes_read_in_each_language() {
        assert_eq!(received_text(Lang::En, 120_400, Some(256_000)), "121 KB of 256 KB received");
        assert_eq!(received_text(Lang::En, 999, None), "1 KB received");
        assert_eq!(received_text(Lang::Ko, 120_400, Some(256_000)), "256 KB 중 121 KB 받음");
        assert!(received_text(Lang::Fr, 1_234_000, None).ends_with(" Ko reçus"));
        assert!(received_text(Lang::Fr, 1_234_000, None).starts_with("1"));
    }

    #[test]
    fn no_message_is_left_in_english() {
        // Words that are the same in French and English.
        const SAME_IN_FRENCH: &[Msg] = &[Msg::France, Msg::Sources, Msg::Population, Msg::Administrations];
        for &m in Msg::ALL {
            assert!(SAME_IN_FRENCH.contains(&m) || t(Lang::Fr, m) != t(Lang::En, m), "{m:?} is not translated into French: {:?}", t(Lang::Fr, m));
            let ko = t(Lang::Ko, m);
            assert!(ko.chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c)), "{m:?} is not in Korean: {ko:?}");
        }
        for lang in Lang::ALL {
            let (zin, zout) = zoom_labels(lang, Some(Country::Korea));
            assert_ne!(zin, zout);
            assert_ne!(zoom_labels(lang, Some(Country::France)).0, zin, "each map's buttons are told apart");
        }
        assert_eq!(zoom_labels(Lang::Ko, None), ("확대".to_string(), "축소".to_string()));
    }

    #[test]
    fn the_count_adds_how_many_are_on_the_map_only_when_some_are_not() {
        assert_eq!(count_on_map_text(Lang::En, 28, 36, 28), "28 of 36 partnerships");
        assert_eq!(count_on_map_text(Lang::En, 28, 36, 23), "28 of 36 partnerships · 23 on the map");
        assert_eq!(count_on_map_text(Lang::Fr, 28, 36, 23), "28 sur 36 partenariats · 23 sur la carte");
        assert_eq!(count_on_map_text(Lang::Ko, 28, 36, 23), "전체 36건 중 28건 · 지도에 23건");
        assert_eq!(count_on_map_text(Lang::En, 8461, 10000, 8000), "8,461 of 10,000 partnerships · 8,000 on the map");
        assert_eq!(count_on_map_text(Lang::Fr, 8461, 10000, 8000), "8\u{202f}461 sur 10\u{202f}000 partenariats · 8\u{202f}000 sur la carte");
        assert_eq!(count_on_map_text(Lang::En, 1, 1, 0), "1 of 1 partnership · 0 on the map");
    }

    #[test]
    fn the_button_under_the_filters_says_how_many_it_shows() {
        assert_eq!(show_results(Lang::Fr, 20), "Voir les 20\u{a0}partenariats");
        assert_eq!(show_results(Lang::Fr, 1), "Voir le partenariat");
        assert_eq!(show_results(Lang::En, 1_200), "Show 1,200\u{a0}partnerships");
        assert_eq!(show_results(Lang::En, 0), "No partnership: see the map");
        assert_eq!(show_results(Lang::Ko, 20), "교류 20건 보기");
    }

    #[test]
    fn suggestions_say_what_they_are_with_the_plural_right() {
        assert_eq!(partnership_count_text(Lang::En, 0), "0\u{a0}partnerships");
        assert_eq!(partnership_count_text(Lang::En, 1), "1\u{a0}partnership");
        assert_eq!(partnership_count_text(Lang::En, 2), "2\u{a0}partnerships");
        // French: 0 and 1 are singular.
        assert_eq!(partnership_count_text(Lang::Fr, 0), "0\u{a0}partenariat");
        assert_eq!(partnership_count_text(Lang::Fr, 1), "1\u{a0}partenariat");
        assert_eq!(partnership_count_text(Lang::Fr, 1200), "1\u{202f}200\u{a0}partenariats");
        assert_eq!(partnership_count_text(Lang::Ko, 1200), "1,200건");
        assert_eq!(suggestion_about(Lang::En, Suggested::Authority, 2), "authority, 2\u{a0}partnerships");
        assert_eq!(suggestion_about(Lang::Fr, Suggested::Region(Country::Korea), 2), "région, 2\u{a0}partenariats");
        assert_eq!(suggestion_about(Lang::Ko, Suggested::Region(Country::Korea), 2), "광역, 2건");
        assert_eq!(suggestion_about(Lang::Ko, Suggested::Region(Country::France), 2), "레지옹, 2건");
        assert_eq!(suggestion_about(Lang::En, Suggested::MergedInto("Grand Est", Country::France), 3), "former region, now part of Grand Est · 3\u{a0}partnerships");
        assert_eq!(suggestion_about(Lang::Fr, Suggested::RenamedTo("Gangwon"), 1), "ancien nom, aujourd'hui Gangwon · 1\u{a0}partenariat");
        assert_eq!(suggestion_about(Lang::Ko, Suggested::RenamedTo("강원특별자치도"), 3), "옛 이름, 지금은 강원특별자치도 · 3건");
    }

    #[test]
    fn lists_and_unknown_positions_read_in_each_language() {
        let two = ["A".to_string(), "B".to_string()];
        assert_eq!(join_list(Lang::En, &two), "A and B");
        assert_eq!(join_list(Lang::Fr, &["A".into(), "B".into(), "C".into()]), "A, B et C");
        assert_eq!(join_list(Lang::Ko, &two), "A, B");
        assert_eq!(join_list(Lang::En, &[]), "");
        assert_eq!(unlocated_note(Lang::Fr, &two[..1]), "Position inconnue : A");
        assert_eq!(unlocated_note(Lang::En, &two), "Positions unknown: A, B");
        assert_eq!(not_drawn_text(Lang::Fr, &two), "Ce partenariat n'est pas tracé sur la carte : positions inconnues pour A et B.");
    }

    #[test]
    fn uncertainty_names_its_field_in_each_language() {
        assert_eq!(uncertain_field(Lang::Fr, "year"), "année incertaine");
        assert_eq!(uncertain_field(Lang::En, "website"), "website uncertain");
        assert_eq!(uncertain_field(Lang::Ko, "authorities"), "교류 당사자 불확실");
        assert_eq!(uncertain_field(Lang::En, "no-such-field"), "uncertain");
        // Every field the loader lets a record mark has its own words.
        for field in ["authorities", "kind", "term", "wording", "year", "date", "themes", "summary", "name", "region", "location", "population", "website", "milestone"] {
            for l in Lang::ALL {
                assert_ne!(uncertain_field(l, field), t(l, Msg::Uncertain), "{field} in {l:?}");
            }
            assert!(uncertain_field(Lang::Ko, field).chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c)));
        }
    }

    #[test]
    fn a_wording_is_introduced_in_the_interface_s_language_with_its_own_language_named() {
        use super::super::dataset::WordingRole;
        assert_eq!(wording_label(Lang::Fr, WordingRole::Document, None, "ko"), "Intitulé (coréen)");
        assert_eq!(wording_label(Lang::En, WordingRole::Document, Some(2019), "ko"), "As worded, 2019 (Korean)");
        assert_eq!(wording_label(Lang::Ko, WordingRole::Later, None, "fr"), "이후 표현 (프랑스어)");
        assert_eq!(wording_label(Lang::Ko, WordingRole::FrenchSide, None, "fr"), "프랑스 측 표현");
        // Its own language is not named again; an unknown one is left to the lang attribute.
        assert_eq!(wording_label(Lang::Fr, WordingRole::FrenchSide, None, "fr"), "Côté français");
        // The side names the language: "Côté coréen", not "Côté coréen (coréen)".
        assert_eq!(wording_label(Lang::Fr, WordingRole::KoreanSide, None, "ko"), "Côté coréen");
        assert_eq!(wording_label(Lang::En, WordingRole::FrenchSide, Some(2019), "fr"), "French side, 2019");
        assert_eq!(wording_label(Lang::En, WordingRole::KoreanSide, None, "en"), "Korean side");
        assert_eq!(wording_label(Lang::Fr, WordingRole::KoreanSide, None, "en"), "Côté coréen (anglais)");
        assert_eq!(wording_label(Lang::En, WordingRole::Sources, None, "ja"), "In the sources");
        assert_eq!(in_language(Lang::Fr, "en").as_deref(), Some("(en anglais)"));
        assert_eq!(in_language(Lang::En, "fr").as_deref(), Some("(in French)"));
        assert_eq!(in_language(Lang::Ko, "fr").as_deref(), Some("(프랑스어)"));
        assert_eq!(in_language(Lang::Ko, "xx"), None);
    }

    #[test]
    fn every_order_has_a_label_in_every_language() {
        use super::super::order::Order;
        for o in Order::ALL {
            let labels: Vec<&str> = Lang::ALL.iter().map(|&l| order_label(l, o)).collect();
            assert!(labels.iter().all(|l| !l.is_empty()));
            assert!(labels[1].chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c)), "{o:?}");
        }
        assert_ne!(order_label(Lang::Fr, Order::Oldest), order_label(Lang::Fr, Order::Newest));
    }

    #[test]
    fn browser_preferences_pick_the_first_supported_language_else_french() {
        assert_eq!(Lang::from_preferences(["ko-KR", "en-US"]), Lang::Ko);
        assert_eq!(Lang::from_preferences(["de-DE", "en-GB", "fr"]), Lang::En);
        assert_eq!(Lang::from_preferences(["de-DE", "ja"]), Lang::Fr);
        assert_eq!(Lang::from_preferences([]), Lang::Fr);
    }

    #[test]
    fn counts_numbers_and_dates_read_naturally() {
        assert_eq!(count_text(Lang::En, 4, 12), "4 of 12 partnerships");
        assert_eq!(count_text(Lang::Fr, 4, 12), "4 sur 12 partenariats");
        assert_eq!(count_text(Lang::En, 8461, 10000), "8,461 of 10,000 partnerships");
        assert_eq!(count_text(Lang::Fr, 8461, 10000), "8\u{202f}461 sur 10\u{202f}000 partenariats");
        assert_eq!(count_text(Lang::Ko, 8461, 10000), "전체 10,000건 중 8,461건");
        assert_eq!(format_number(Lang::En, 0), "0");
        assert_eq!(format_number(Lang::En, 999), "999");
        assert_eq!(format_number(Lang::En, 1000), "1,000");
        assert_eq!(format_number(Lang::Fr, 1234567), "1\u{202f}234\u{202f}567");
        assert_eq!(count_text(Lang::Ko, 4, 12), "전체 12건 중 4건");
        assert_eq!(format_number(Lang::En, 2_175_601), "2,175,601");
        assert_eq!(format_number(Lang::Fr, 16_696), "16\u{202F}696");
        let d = PartialDate::try_parse("1991-11-12").unwrap();
        assert_eq!(format_date(Lang::Fr, d), "12 novembre 1991");
        assert_eq!(format_date(Lang::En, d), "12 November 1991");
        assert_eq!(format_date(Lang::Ko, d), "1991년 11월 12일");
        assert_eq!(format_date(Lang::Fr, PartialDate::try_parse("2005-10").unwrap()), "octobre 2005");
    }

    #[test]
    fn notices_of_the_address_read_as_one_counted_line_per_kind_in_each_language() {
        assert_eq!(url_notice_summary(Lang::En, "region", None, 1486), "1,486 unknown regions ignored");
        assert_eq!(url_notice_summary(Lang::Fr, "region", None, 1486), "1\u{202f}486 régions inconnues ignorées");
        assert_eq!(url_notice_summary(Lang::Ko, "region", None, 1486), "알 수 없는 지역 1,486개 무시");
        assert_eq!(url_notice_summary(Lang::En, "focus", None, 1), "1 unknown authority ignored");
        assert_eq!(url_notice_summary(Lang::En, "place", None, 2), "2 unknown authorities ignored");
        assert_eq!(url_notice_summary(Lang::Fr, "pair", None, 1), "1 partenariat inconnu ignoré");
        assert_eq!(url_notice_summary(Lang::Fr, "theme", None, 3), "3 thèmes inconnus ignorés");
        assert_eq!(url_notice_summary(Lang::En, "from", Some("not a year"), 1), "1 value ignored (not a year)");
        assert_eq!(url_notice_summary(Lang::Fr, "lang", Some("expected fr, ko or en"), 2), "2 valeurs ignorées (attendu\u{a0}: fr, ko ou en)");
        assert_eq!(url_notice_summary(Lang::Ko, "from", Some("not a year"), 3), "값 3개 무시 (연도가 아님)");
        assert_eq!(url_notice_more(Lang::En, 1483), "and 1,483 more");
        assert_eq!(url_notice_more(Lang::Fr, 1), "et 1 autre");
        assert_eq!(url_notice_more(Lang::Ko, 5), "외 5개");
        assert_eq!(url_notice_other_kinds(Lang::En, 2), "… and 2 other kinds of value ignored");
    }

    /// Regression: the reason of a notice stayed in English in a French or Korean interface.
    #[test]
    fn every_reason_the_address_gives_reads_in_french_and_korean() {
        use crate::domain::url_state::{group_notices, UrlState};
        let query = "from=abc&to=3000&unknown=2&embed=2&view=globe&panel=x&about=x&sort=year&mode=x&tour=..%2Fx&qr=ftp%3A%2F%2Fx&lang=de&dwell=0";
        let (_, notices) = UrlState::parse(query);
        let reasons: Vec<&str> = group_notices(&notices, 1).iter().filter_map(|g| g.reason).collect();
        assert_eq!(reasons.len(), 13, "one reason per parameter: {reasons:?}");
        for reason in reasons {
            assert_eq!(url_notice_reason(Lang::En, reason), reason);
            for lang in [Lang::Fr, Lang::Ko] {
                assert_ne!(url_notice_reason(lang, reason), reason, "{reason:?} in {lang:?}");
            }
        }
    }
}
