namespace Aizu.Hardware.Sml;

/// <summary>The message body tags of SML 1.04.</summary>
public enum SmlMessageTag : uint
{
    /// <summary>SML_PublicOpen.Req.</summary>
    OpenRequest = 0x0100,

    /// <summary>SML_PublicOpen.Res.</summary>
    OpenResponse = 0x0101,

    /// <summary>SML_PublicClose.Req.</summary>
    CloseRequest = 0x0200,

    /// <summary>SML_PublicClose.Res.</summary>
    CloseResponse = 0x0201,

    /// <summary>SML_GetProfilePack.Res.</summary>
    GetProfilePackResponse = 0x0301,

    /// <summary>SML_GetProfileList.Res.</summary>
    GetProfileListResponse = 0x0401,

    /// <summary>SML_GetProcParameter.Res.</summary>
    GetProcParameterResponse = 0x0501,

    /// <summary>SML_GetList.Req.</summary>
    GetListRequest = 0x0700,

    /// <summary>SML_GetList.Res.</summary>
    GetListResponse = 0x0701,

    /// <summary>SML_Attention.Res.</summary>
    AttentionResponse = 0xFF01,
}
