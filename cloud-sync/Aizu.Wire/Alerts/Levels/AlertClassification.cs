namespace Aizu.Wire;

/// <summary>How serious an alert is for the panel, and whether its fields agree with each other.</summary>
/// <param name="Level">The level shown, 1–5 (the higher of the stated level and the one its severity implies).</param>
/// <param name="StatedLevel">The <c>JP-EvacLevel</c> parameter, when the alert has one.</param>
/// <param name="JAlertType">The <c>JP-JAlertType</c>, when the alert relays J-Alert.</param>
/// <param name="Inconsistencies">Where the level, J-Alert type, severity, urgency and category disagree.</param>
public sealed record AlertClassification(int Level, int? StatedLevel, string? JAlertType, IReadOnlyList<string> Inconsistencies)
{
    /// <summary>True when the alert relays a J-Alert type.</summary>
    public bool IsJAlert => JAlertType is not null;

    /// <summary>Full-screen takeover (and breaking through quiet hours): level 4 and above, and every J-Alert type.</summary>
    public bool Takeover => Level >= 4 || IsJAlert;

    /// <summary>True when nothing disagrees.</summary>
    public bool IsConsistent => Inconsistencies.Count == 0;

    /// <summary>The colour band for <see cref="Level"/>.</summary>
    public ColourBand Colour => EvacuationLevels.ColourOf(Level);
}
