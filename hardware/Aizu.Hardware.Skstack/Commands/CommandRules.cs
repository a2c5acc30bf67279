namespace Aizu.Hardware.Skstack;

/// <summary>
/// Argument rules the simulated dongle enforces for the commands this codec generates, so a driver bug (wrong
/// dialect, missing field) shows up as <c>FAIL ER06</c> in tests instead of passing silently. Commands not listed
/// are accepted as they are; the simulator decides whether it supports them (<c>FAIL ER04</c>).
/// </summary>
internal static class CommandRules
{
    private static readonly string[] NoArgumentCommands =
        ["SKVER", "SKAPPVER", "SKINFO", "SKTERM", "SKRESET", "SKSAVE", "SKLOAD", "SKERASE", "ROPT", "RUART"];

    /// <summary>Returns null when the command is acceptable, otherwise the reason it is not.</summary>
    public static string? Check(SkstackDialect dialect, string name, IReadOnlyList<string> arguments)
    {
        if (Array.IndexOf(NoArgumentCommands, name) >= 0)
        {
            return arguments.Count == 0 ? null : name + " takes no arguments";
        }

        return name switch
        {
            "SKSETPWD" => CheckPassword(arguments),
            "SKSETRBID" => arguments is [var id] && SkstackCommands.IsRouteBId(id)
                ? null
                : "SKSETRBID needs one 32-character ID",
            "SKSCAN" => CheckScan(dialect, arguments),
            "SKSREG" => arguments.Count is 1 or 2 && SkstackCommands.IsRegisterName(arguments[0])
                ? null
                : "SKSREG needs a register name and at most one value",
            "SKLL64" => arguments is [var mac] && SkstackAddress.IsMacAddress(mac)
                ? null
                : "SKLL64 needs one 16-digit MAC address",
            "SKJOIN" => arguments is [var address] && SkstackAddress.IsFullFormIpv6(address)
                ? null
                : "SKJOIN needs one full-form IPv6 address",
            "WOPT" or "WUART" => arguments is [var mode] && AsciiHex.TryParse(mode, 2, out _)
                ? null
                : name + " needs one hexadecimal byte",
            "SKSENDTO" => "SKSENDTO header ended before its data",
            _ => null,
        };
    }

    private static string? CheckPassword(IReadOnlyList<string> arguments)
    {
        if (arguments is not [var lengthField, var password]
            || !AsciiHex.TryParse(lengthField, 2, out var length)
            || length is < 1 or > 32)
        {
            return "SKSETPWD needs a hexadecimal length (1 to 20 hex) and a password";
        }

        return password.Length == (int)length ? null : "SKSETPWD length does not match the password";
    }

    /// <remarks>SKSCAN takes a SIDE argument only on BP35C0-style firmware (Zig BP35C0 driver: "SKSCAN 2 FFFFFFFF 6 0";
    /// wisunBp35xx Python driver sends it only to a BP35C0).</remarks>
    private static string? CheckScan(SkstackDialect dialect, IReadOnlyList<string> arguments)
    {
        var expected = dialect == SkstackDialect.Bp35C0 ? 4 : 3;
        if (arguments.Count != expected)
        {
            return dialect == SkstackDialect.Bp35C0
                ? "SKSCAN needs MODE MASK DURATION SIDE on BP35C0-style firmware"
                : "SKSCAN needs MODE MASK DURATION on a BP35A1";
        }

        if (arguments[0] is not ("0" or "2" or "3"))
        {
            return "SKSCAN MODE must be 0, 2 or 3";
        }

        if (!AsciiHex.IsDigits(arguments[1], 8))
        {
            return "SKSCAN channel mask must be 8 hexadecimal digits";
        }

        if (!AsciiHex.TryParse(arguments[2], 1, out _))
        {
            return "SKSCAN DURATION must be one hexadecimal digit";
        }

        return expected == 4 && arguments[3] is not ("0" or "1") ? "SKSCAN SIDE must be 0 or 1" : null;
    }
}
