namespace Aizu.Alerts;

/// <summary>
/// The notice every alert view carries, in Japanese and English: the panel is a supplementary channel and
/// must never be presented as replacing the official ones.
/// </summary>
public static class SupplementaryNotice
{
    /// <summary>Japanese text.</summary>
    public const string Japanese = "この表示は補助的な情報です。Jアラート、防災行政無線、緊急速報メールに代わるものではありません。";

    /// <summary>English text.</summary>
    public const string English = "Supplementary channel — not a replacement for J-Alert, disaster radio or cell broadcast.";

    /// <summary>The banner for messages whose CAP status is not Actual (drills, tests).</summary>
    public const string TestBanner = "訓練 / TEST — 実際の災害情報ではありません / not a real emergency";
}
