namespace Aizu.Gateway.Doctor;

/// <summary>
/// The checks behind <c>aizu doctor</c>: each reads what the gateway itself would read (the configuration,
/// the meter's serial port, the database, the consent ledger, the egress log, the clock, the disk) without changing
/// anything, so it is safe while the gateway runs (a port the gateway holds is not probed).
/// </summary>
internal sealed class GatewayDoctor(TimeProvider time)
{
    // Below this the store's free-space floor starts dropping old raw readings (see docs/storage.md).
    private const long WarnFreeBytes = 1L << 30;
    private const long FailFreeBytes = 100L << 20;

    // No reading the gateway keeps can be older than the project; a clock before this was never set.
    private static readonly DateTimeOffset EarliestPlausibleClock = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(string? configPath, string? databaseOverride, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck> { Clock() };
        IConfigurationRoot configuration;
        try
        {
            configuration = GatewayConfiguration.Load(configPath);
        }
        catch (GatewayConfigurationException exception)
        {
            checks.Add(new DoctorCheck("configuration", DoctorOutcome.Fail, string.Join(" ", exception.Problems), "Fix the file (docs/configuration.md lists every key), then run 'aizu doctor' again."));
            return checks;
        }

        var unknown = ConfigurationGuard.FindProblems(configuration);
        checks.Add(unknown.Count == 0
            ? new DoctorCheck("configuration", DoctorOutcome.Ok, configPath is null ? $"read ({GatewayConfiguration.SystemConfigPath} if present, AIZU_ variables)" : $"read from {configPath}")
            : new DoctorCheck("configuration", DoctorOutcome.Fail, string.Join(" ", unknown), "Correct the keys and values named; the gateway refuses to start with them (docs/configuration.md lists every key)."));
        if (ConfigurationFile.ExposureWarning(configPath ?? GatewayConfiguration.SystemConfigPath) is { } exposed)
        {
            checks.Add(new DoctorCheck("configuration access", DoctorOutcome.Fail, exposed, "Make the file readable by root and the aizu group only (mode 0640); the package's postinst does this."));
        }

        await foreach (var meter in MeterPortsAsync(configuration, cancellationToken))
        {
            checks.Add(meter);
        }

        checks.AddRange(await IndoorSensorCheck.RunAsync(configuration, cancellationToken));
        if (GpioCheck.Run(configuration) is { } gpio)
        {
            checks.Add(gpio);
        }

        checks.AddRange(await CityLinkCheck.RunAsync(configuration, databaseOverride, time.GetUtcNow(), cancellationToken));
        var database = Path.GetFullPath(databaseOverride ?? GatewayConfiguration.DatabasePath(configuration) ?? GatewayConfiguration.DemoDatabasePath);
        checks.Add(Disk(Path.GetDirectoryName(database)!));
        checks.Add(StorageWearCheck.Run(Directory.Exists(Path.GetDirectoryName(database)) ? Path.GetDirectoryName(database)! : Directory.GetCurrentDirectory()));
        if (!File.Exists(database))
        {
            checks.Add(new DoctorCheck("store", DoctorOutcome.Fail, $"there is no database at {database}",
                $"Start the gateway once to create it, or set {GatewayConfiguration.DatabasePathKey} (or pass --database) to where it is."));
            return checks;
        }

        checks.Add(await StoreAsync(database, cancellationToken));
        checks.Add(await ConsentAsync(configuration, database, cancellationToken));
        var egressDatabase = Path.GetFullPath(GatewayConfiguration.DatabasePath(configuration, GatewayApplication.EgressDatabasePathKey) ?? database);
        checks.Add(await EgressLogAsync(egressDatabase, cancellationToken));
        return checks;
    }

    // Each configured serial meter's port; only the B-route dongle is asked who it is (SKVER, SKINFO), since DSMR and
    // SML meters only ever talk. A dongle that answered and that nothing else holds then gets a test scan and join.
    private async IAsyncEnumerable<DoctorCheck> MeterPortsAsync(IConfiguration configuration, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (string Section, string Name, string DefaultPath, bool Ask)[] meters =
        [
            (BRouteOptions.SectionName, "B-route dongle", new BRouteOptions().DevicePath, true),
            (DsmrOptions.SectionName, "P1 port", new DsmrOptions().DevicePath, false),
            (SmlOptions.SectionName, "SML read head", new SmlOptions().DevicePath, false),
        ];
        foreach (var (section, name, defaultPath, ask) in meters)
        {
            if (configuration.GetSection(section).Exists())
            {
                string devicePath = configuration[$"{section}:DevicePath"] ?? defaultPath;
                var port = await MeterPortCheck.RunAsync(name, devicePath, ask, cancellationToken);
                yield return port;
                if (port.Outcome != DoctorOutcome.Ok || Processes.OpenFileHolders.Of(devicePath).Count > 0)
                {
                    continue;
                }

                foreach (var line in await ListenAsync(configuration.GetSection(section), section, devicePath, cancellationToken))
                {
                    yield return line;
                }
            }
        }
    }

    // The meter itself, through the driver's own code: a B-route test join, or a P1/SML sample of frames and their CRCs.
    private async Task<IReadOnlyList<DoctorCheck>> ListenAsync(IConfigurationSection configuration, string section, string devicePath, CancellationToken cancellationToken)
    {
        if (section == BRouteOptions.SectionName)
        {
            var options = configuration.Get<BRouteOptions>() ?? new BRouteOptions();
            options.DevicePath = devicePath;
            return await BRouteLinkCheck.RunAsync(options, time, cancellationToken);
        }

        if (section == DsmrOptions.SectionName)
        {
            var options = configuration.Get<DsmrOptions>() ?? new DsmrOptions();
            options.DevicePath = devicePath;
            var source = new DsmrMeterSource(Options.Create(options), time, NullLogger<DsmrMeterSource>.Instance);
            return [await SerialMeterSampleCheck.RunAsync("P1 telegrams", "telegram", source, DsmrErrorKind.ChecksumMismatch, time, cancellationToken)];
        }

        var sml = configuration.Get<SmlOptions>() ?? new SmlOptions();
        sml.DevicePath = devicePath;
        var smlSource = new SmlMeterSource(Options.Create(sml), time, NullLogger<SmlMeterSource>.Instance);
        return [await SerialMeterSampleCheck.RunAsync("SML files", "SML file", smlSource, SmlErrorKind.ChecksumMismatch, time, cancellationToken)];
    }

    private DoctorCheck Clock()
    {
        var now = time.GetUtcNow();
        if (now < EarliestPlausibleClock)
        {
            return new DoctorCheck("clock", DoctorOutcome.Fail, $"the system clock says {now:yyyy-MM-dd HH:mm}Z, which cannot be right",
                "Connect the gateway to the network so NTP can set the clock (timedatectl set-ntp true), or set it by hand.");
        }

        // systemd-timesyncd marks a synchronised clock with this file; other NTP daemons are not seen here.
        return File.Exists("/run/systemd/timesync/synchronized")
            ? new DoctorCheck("clock", DoctorOutcome.Ok, $"{now:yyyy-MM-dd HH:mm}Z, synchronised by systemd-timesyncd")
            : new DoctorCheck("clock", DoctorOutcome.Warning, $"{now:yyyy-MM-dd HH:mm}Z, not known to be synchronised",
                "Run 'timedatectl' and enable NTP (timedatectl set-ntp true); readings and consent windows are stamped with this clock.");
    }

    private static DoctorCheck Disk(string directory)
    {
        try
        {
            var free = new DriveInfo(Path.GetFullPath(directory)).AvailableFreeSpace;
            var text = string.Create(CultureInfo.InvariantCulture, $"{free / (1024.0 * 1024 * 1024):0.0} GiB free where the data is ({directory})");
            return free < FailFreeBytes
                ? new DoctorCheck("disk", DoctorOutcome.Fail, text, "Free space on that file system; below the floor the store drops the oldest raw readings.")
                : free < WarnFreeBytes
                    ? new DoctorCheck("disk", DoctorOutcome.Warning, text, "Free some space or move the data to a larger card.")
                    : new DoctorCheck("disk", DoctorOutcome.Ok, text);
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return new DoctorCheck("disk", DoctorOutcome.Warning, $"free space of {directory} unknown: {exception.Message}");
        }
    }

    private static async Task<DoctorCheck> StoreAsync(string database, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = GatewayDatabase.OpenReadOnly(database);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            var result = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return string.Equals(result, "ok", StringComparison.Ordinal)
                ? new DoctorCheck("store", DoctorOutcome.Ok, $"{database} opens and passes SQLite's quick check")
                : new DoctorCheck("store", DoctorOutcome.Fail, $"{database} is damaged: {result}", "Stop the gateway and restore the database from a backup (docs/storage.md).");
        }
        catch (SqliteException exception)
        {
            return new DoctorCheck("store", DoctorOutcome.Fail, $"{database} cannot be read: {exception.Message}", "Check the file's owner and permissions (the gateway's user must own it).");
        }
    }

    private async Task<DoctorCheck> ConsentAsync(IConfiguration configuration, string database, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddAizuConsent(configuration.GetSection("Aizu:Consent"), options => options.DatabasePath = database);
        await using var provider = services.BuildServiceProvider();
        try
        {
            var report = await provider.GetRequiredService<ConsentService>().CheckIntegrityAsync(cancellationToken);
            return report.IsIntact
                ? new DoctorCheck("consent ledger", DoctorOutcome.Ok, $"intact up to event {report.HeadSeq}: every decision has a receipt signed by this gateway and the city's catalogue allows every grant")
                : new DoctorCheck("consent ledger", DoctorOutcome.Fail, $"NOT TRUSTED, nothing is sent: {report.Problem}", report.WhatToDo);
        }
        catch (Exception exception) when (exception is SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException or OptionsValidationException)
        {
            return new DoctorCheck("consent ledger", DoctorOutcome.Fail, $"cannot be read: {exception.Message}", "Check the database file and the Aizu:Consent settings.");
        }
    }

    private static async Task<DoctorCheck> EgressLogAsync(string database, CancellationToken cancellationToken)
    {
        try
        {
            var result = await new EgressLog(database).VerifyAsync(cancellationToken);
            return result.IsIntact
                ? new DoctorCheck("egress log", DoctorOutcome.Ok, $"hash chain intact: {result.Rows} messages recorded")
                : new DoctorCheck("egress log", DoctorOutcome.Fail, $"BROKEN at row {result.BrokenId}: {result.Problem}",
                    "The record of what left the home was changed outside the gateway; 'aizu egress verify' shows where. Keep a copy of the database for whoever investigates.");
        }
        catch (SqliteException exception)
        {
            return new DoctorCheck("egress log", DoctorOutcome.Fail, $"cannot be read: {exception.Message}", "Check the database file's owner and permissions.");
        }
    }
}
