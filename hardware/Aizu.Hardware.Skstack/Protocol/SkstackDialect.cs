namespace Aizu.Hardware.Skstack;

/// <summary>
/// The two SKSTACK-IP firmware families found in Wi-SUN B-route dongles. They share the command set but differ in a
/// few line layouts, so drivers and the simulator must know which one they talk to.
/// </summary>
/// <remarks>
/// Differences confirmed in public sources (see the individual codec types for the exact citations):
/// BP35C0-style firmware (ROHM BP35C0/BP35C2, Renesas/Tessera RL7023 Stick-D/IPS) adds a <c>SIDE</c> field
/// (0 = B-route, 1 = HAN) to <c>SKSCAN</c>, <c>SKSENDTO</c>, <c>EVENT</c>, <c>ERXUDP</c> and <c>EPANDESC</c>;
/// the ROHM BP35A1 has none.
/// </remarks>
public enum SkstackDialect
{
    /// <summary>ROHM BP35A1 (SKSTACK-IP 1.2.x): no SIDE fields.</summary>
    Bp35A1,

    /// <summary>ROHM BP35C0/BP35C2 and RL7023 Stick-D/IPS style firmware: SIDE fields everywhere.</summary>
    Bp35C0,
}
