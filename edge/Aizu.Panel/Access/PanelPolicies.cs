namespace Aizu.Panel;

/// <summary>The panel's two kinds of access.</summary>
public static class PanelPolicies
{
    /// <summary>Reading the screens: a signed-in household member, or anyone at a wall tablet when kiosk mode is on.</summary>
    public const string Viewer = "aizu-viewer";

    /// <summary>Changing anything or reading what only the household should (consents, what left the home, settings): signed in.</summary>
    public const string Household = "aizu-household";
}
