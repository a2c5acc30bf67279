namespace Aizu.Hardware.Dsmr;

/// <summary>What <see cref="DsmrFramer"/> found.</summary>
public enum DsmrFrameKind
{
    /// <summary>Bytes from <c>/</c> through the line after <c>!</c>: a telegram to hand to <see cref="DsmrTelegramParser"/>.</summary>
    Telegram = 0,

    /// <summary>Bytes that cannot be (part of) a telegram and were skipped; <see cref="DsmrFrame.Reason"/> says why.</summary>
    Discarded = 1,
}
