namespace Aizu.Hardware.Display;

/// <summary>One wired screen behind its binding; <see cref="Show"/> does blocking I2C transfers.</summary>
internal interface IScreen : IDisposable
{
    /// <summary>Draws <paramref name="content"/>; throws <see cref="IOException"/> when the screen does not answer.</summary>
    void Show(DisplayContent content);
}
