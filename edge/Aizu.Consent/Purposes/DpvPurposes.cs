namespace Aizu.Consent;

/// <summary>
/// W3C Data Privacy Vocabulary (DPV 2.x) purpose IRIs the city's catalogue uses, and which of them
/// count as research: only research may ask for 30-minute data.
/// </summary>
public static class DpvPurposes
{
    /// <summary>The DPV namespace.</summary>
    public const string Namespace = "https://w3id.org/dpv#";

    /// <summary>dpv:ImprovePublicServices.</summary>
    public const string ImprovePublicServices = Namespace + "ImprovePublicServices";

    /// <summary>dpv:PublicPolicyMaking.</summary>
    public const string PublicPolicyMaking = Namespace + "PublicPolicyMaking";

    /// <summary>dpv:CombatClimateChange.</summary>
    public const string CombatClimateChange = Namespace + "CombatClimateChange";

    /// <summary>dpv:ProvideOfficialStatistics.</summary>
    public const string ProvideOfficialStatistics = Namespace + "ProvideOfficialStatistics";

    /// <summary>dpv:ServiceProvision (e.g. demand response).</summary>
    public const string ServiceProvision = Namespace + "ServiceProvision";

    /// <summary>dpv:ProtectionOfPublicSecurity (safety confirmation after an alert).</summary>
    public const string ProtectionOfPublicSecurity = Namespace + "ProtectionOfPublicSecurity";

    /// <summary>dpv:ResearchAndDevelopment.</summary>
    public const string ResearchAndDevelopment = Namespace + "ResearchAndDevelopment";

    /// <summary>dpv:AcademicResearch.</summary>
    public const string AcademicResearch = Namespace + "AcademicResearch";

    /// <summary>dpv:NonCommercialResearch.</summary>
    public const string NonCommercialResearch = Namespace + "NonCommercialResearch";

    /// <summary>dpv:CommercialResearch.</summary>
    public const string CommercialResearch = Namespace + "CommercialResearch";

    /// <summary>dpv:ScientificResearch.</summary>
    public const string ScientificResearch = Namespace + "ScientificResearch";

    private static readonly HashSet<string> Research = new(StringComparer.Ordinal)
    {
        ResearchAndDevelopment, AcademicResearch, NonCommercialResearch, CommercialResearch, ScientificResearch,
    };

    /// <summary>True when <paramref name="purposeIri"/> is one of DPV's research purposes.</summary>
    public static bool IsResearch(string? purposeIri) => purposeIri is not null && Research.Contains(purposeIri);
}
