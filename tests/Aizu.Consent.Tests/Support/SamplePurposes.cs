namespace Aizu.Consent.Tests;

/// <summary>Purposes and catalogues as the city might publish them.</summary>
internal static class SamplePurposes
{
    public const string PlanningId = "city-energy-planning";
    public const string ResearchId = "academic-load-study";

    public static Purpose Planning(int version = 1, string recipient = "city-energy-office", string retention = "P24M") => new(
        PlanningId,
        version,
        new LocalizedText("地域エネルギー計画", "District energy planning"),
        new LocalizedText(
            "電力の輸入・輸出量(日ごと)を市のエネルギー課に提供します。在宅の傾向がわかる可能性があります。",
            "Daily grid import and export go to the city energy office until the consent ends; daily totals can hint at when the home is occupied."),
        DpvPurposes.ImprovePublicServices,
        recipient,
        OnwardSharing: false,
        [DataCategories.ElectricImportEnergy, DataCategories.ElectricExportEnergy],
        [Granularity.Month, Granularity.Day, Granularity.Hour],
        retention);

    public static Purpose Research(int version = 1) => new(
        ResearchId,
        version,
        new LocalizedText("負荷研究", "Load research"),
        new LocalizedText("30分値を大学の研究室に提供します。", "30-minute import goes to the university lab; it can reveal daily routines."),
        DpvPurposes.AcademicResearch,
        "university-lab",
        OnwardSharing: false,
        [DataCategories.ElectricImportEnergy],
        [Granularity.Hour, Granularity.HalfHour],
        "P12M");

    public static PurposeCatalogue Catalogue(long sequence, params Purpose[] purposes) => new(
        "Aizuwakamatsu City smart-city office (test)",
        sequence,
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(9)),
        "https://city.example/privacy/energy-gateway",
        new CatalogueController(
            "Aizuwakamatsu City (test)",
            "Privacy officer, Smart City Division",
            "privacy@city.example",
            "0242-00-0000",
            "https://city.example/",
            new ControllerAddress("1-1 Higashi-sakaemachi, Aizuwakamatsu", "JP")),
        purposes);
}
