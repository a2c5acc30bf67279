namespace Aizu.Hardware.Display;

/// <summary>
/// The bindings' <see cref="Ssd1306"/>, set up for the panel's real height. The binding's own
/// initialisation is for 128×32 and clears the screen through <c>BitmapImage</c>, which needs a
/// process-wide image factory; clearing is done with plain data writes instead, and a 64-row panel
/// gets its multiplex ratio and COM pin layout.
/// </summary>
internal sealed class OledSsd1306 : Ssd1306
{
    public OledSsd1306(I2cDevice device, int height)
        : base(device, 128, height)
    {
        if (height == 64)
        {
            SendCommand(new SetMultiplexRatio(63));
            SendCommand(new SetComPinsHardwareConfiguration(alternativeComPinConfiguration: true));
        }
    }

    public override void ClearScreen()
    {
        // Called from the base constructor: only base members may be used here. The GDDRAM is 8
        // pages whatever the panel's height.
        Span<byte> zeros = stackalloc byte[128];
        SendCommand(new SetColumnAddress(0, 127));
        SendCommand(new SetPageAddress(PageAddress.Page0, PageAddress.Page7));
        for (int page = 0; page < 8; page++)
        {
            SendData(zeros);
        }
    }

    /// <summary>Writes a whole frame into the display RAM, one page per transfer.</summary>
    public void Write(MonochromeFrame frame)
    {
        SendCommand(new SetColumnAddress(0, (byte)(frame.Width - 1)));
        SendCommand(new SetPageAddress(PageAddress.Page0, (PageAddress)(frame.PageCount - 1)));
        var buffer = new byte[frame.Width];
        for (int page = 0; page < frame.PageCount; page++)
        {
            frame.Page(page).CopyTo(buffer);
            SendData(buffer);
        }
    }
}
