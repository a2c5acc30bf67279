namespace Aizu.Hardware.Skstack;

/// <summary>The command failed (<c>FAIL ERxx</c>).</summary>
/// <param name="ErrorCode">The code as printed, e.g. <c>ER04</c>; empty when the dongle printed a bare <c>FAIL</c>.</param>
/// <remarks>
/// Code meanings: "BP35A1コマンドリファレンス" error table as repeated by a public Zig BP35C0 driver (bp35c0.zig,
/// <c>ErrorCode</c>); ER01–ER03, ER07 and ER08 are reserved.
/// </remarks>
public sealed record SkstackFail(string ErrorCode) : SkstackMessage
{
    /// <summary>An English description of <see cref="ErrorCode"/> for logs.</summary>
    public string Description => ErrorCode switch
    {
        "ER04" => "command not supported",
        "ER05" => "invalid argument",
        "ER06" => "invalid format or out of range",
        "ER09" => "UART input error",
        "ER10" => "execution failed",
        "ER01" or "ER02" or "ER03" or "ER07" or "ER08" => "reserved error code",
        "" => "failure without error code",
        _ => "unknown error code",
    };
}
