namespace Aizu.Hardware.EchonetLite.Description;

/// <summary>What an empty (PDC 0) or echoed EDT means in a property list, which depends on the ESV.</summary>
internal enum ListRole
{
    /// <summary>Requests, read answers and notifications: PDC 0 just means no EDT.</summary>
    Plain,

    /// <summary>Set_Res and the Set list of SetGet_Res: PDC 0 means the write was accepted.</summary>
    WriteAnswer,

    /// <summary>
    /// SetI_SNA, SetC_SNA and the Set list of SetGet_SNA: PDC 0 means accepted, an echoed EDT means not accepted.
    /// </summary>
    WriteRefusal,

    /// <summary>Get_SNA, INF_SNA and the Get list of SetGet_SNA: PDC 0 means the property is not available.</summary>
    ReadRefusal,
}
