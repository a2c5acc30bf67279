namespace Aizu.Gateway.Cli;

/// <summary>
/// <c>aizu consent list|grant|withdraw|verify|reconfirm|receipt [--database PATH] [--config FILE]</c>: the
/// household's own view of what may leave the gateway, and the same surface to give and take back
/// consent. It works on the gateway's database file directly, so it also works while the gateway runs
/// (the running gateway hears of a change within <c>Aizu:Consent:ChangePollInterval</c>).
/// </summary>
internal static class ConsentCommand
{
    // Verification found something wrong: not a usage error, so scripts can tell it apart.

    private const string CommandCollectionMethod = "Household decision with the 'aizu consent' command on the gateway";

    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var database = new DatabaseOptions(recursive: true);
        var context = new Context(database, output, error);
        return new Command("consent", "See what this gateway may send and to whom, give or withdraw consent, and check the ledger and receipts.")
        {
            database.Database,
            database.Config,
            List(context),
            Grant(context),
            Withdraw(context),
            Decide(context, "renew", "Renew a consent in force before it ends: same terms, 12 more months (or --days).", "Renewed",
                (consents, id, days, ct) => consents.RenewAsync(id, days is { } d ? TimeSpan.FromDays(d) : null, ct)),
            Decide(context, "refuse", "Decline a request. You can still grant it later.", "Refused", (consents, id, _, ct) => consents.RefuseAsync(id, ct)),
            Decide(context, "defer", "Put a request off without deciding (it is never treated as a yes).", "Deferred", (consents, id, _, ct) => consents.DeferAsync(id, ct)),
            Verify(context),
            Reconfirm(context),
            Receipt(context),
        };
    }

    private static Command List(Context context)
    {
        var history = new Option<bool>("--history") { Description = "Also print every ledger event, oldest first." };
        var command = new Command("list", "List every consent (latest version) and open request.") { history };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (consents, ct) =>
        {
            var output = context.Output;
            var catalogue = await consents.GetCatalogueAsync(ct);
            var grants = await consents.GetGrantsAsync(ct);
            var now = DateTimeOffset.UtcNow;
            await output.WriteLineAsync(catalogue is null
                ? "City purpose catalogue: none in force (nothing can be requested or granted)."
                : $"City purpose catalogue: edition {catalogue.Sequence} from {catalogue.Issuer}, {catalogue.Purposes.Count} purposes.");
            var inForce = grants.Count(g => g.IsActiveAt(now));
            await output.WriteLineAsync(inForce == 0
                ? "In force: none. Nothing household-related leaves this gateway."
                : $"In force: {inForce}. Only these leave the gateway, in the shape shown.");

            if (grants.Count > 0)
            {
                await output.WriteLineAsync();
                var rows = grants
                    .OrderBy(g => g.Purpose, StringComparer.Ordinal)
                    .ThenBy(g => g.Category, StringComparer.Ordinal)
                    .Select(g => new[]
                    {
                        g.Reference,
                        StatusText(g, now),
                        g.Purpose,
                        g.Category,
                        g.Granularity,
                        g.Recipient + (g.OnwardSharing ? " (+ onward)" : ""),
                        g.Status is ConsentStatus.Given or ConsentStatus.Renewed ? g.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                    })
                    .Prepend(["CONSENT@VERSION", "STATUS", "PURPOSE", "CATEGORY", "GRANULARITY", "RECIPIENT", "UNTIL"])
                    .ToList();
                await WriteTableAsync(output, rows);
            }

            if (parse.GetValue(history))
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync("Ledger:");
                foreach (var recorded in await consents.Ledger.ReadEventsAsync(0, ct))
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"  {recorded.Seq,5}  {recorded.Time:yyyy-MM-dd HH:mm:ss}Z  {LedgerText.TypeName(recorded.Type),-9}  {recorded.Grant.Reference}  by the {LedgerText.ActorName(recorded.Actor),-9}  {recorded.Hash[..16]}…"));
                }
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Grant(Context context)
    {
        var purpose = new Argument<string>("purpose") { Description = "The purpose id from the city's catalogue (see 'aizu consent list')." };
        var category = new Argument<string>("category") { Description = $"What data: {string.Join(", ", DataCategories.All)}." };
        var granularity = new Option<string>("--granularity")
        {
            Description = "How fine: P1M (month), P1D (day, default), PT1H (hour), PT30M (30 minutes, research only). Nothing finer exists.",
            DefaultValueFactory = _ => Granularity.Default,
        };
        var roundTo = new Option<double?>("--round-to") { Description = "Round each value to this step in its unit (default: 100 Wh for energy)." };
        var noise = new Option<double?>("--noise") { Description = "Add local Laplace noise of this scale in the value's unit (default: none)." };
        var days = new Option<int?>("--days") { Description = "How many days the consent lasts (default: 12 months; 6 for 30-minute research data; at most 12 months)." };
        var shareDistrict = new Option<bool>("--share-district")
        {
            Description = "Also share this gateway's district (Aizu:Household:District) for this purpose; only a purpose that asks for it can have it.",
        };
        var command = new Command("grant", "Give consent for one purpose and data category (a new version with a signed receipt).")
        {
            purpose, category, granularity, roundTo, noise, days, shareDistrict,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (consents, configuration, ct) =>
        {
            var categoryValue = parse.GetValue(category)!;
            ValueTransform? transform = null;
            if (parse.GetValue(roundTo) is { } step || parse.GetValue(noise) is not null)
            {
                var fallback = ConsentPolicy.DefaultTransformFor(categoryValue);
                transform = new ValueTransform(parse.GetValue(roundTo) ?? fallback.RoundTo, parse.GetValue(noise) ?? fallback.NoiseScale);
            }

            if (parse.GetValue(days) is < 1)
            {
                await context.Error.WriteLineAsync("error: --days must be 1 or more.");
                return ExitCodes.BadArguments;
            }

            // As on the panel: only on the household's explicit choice, and then the configured district, never one typed here.
            string? district = null;
            if (parse.GetValue(shareDistrict))
            {
                district = configuration[$"{HouseholdOptions.SectionName}:{nameof(HouseholdOptions.District)}"] is { Length: > 0 } configured
                    ? configured
                    : throw new ConsentException($"No district is configured on this gateway ({HouseholdOptions.SectionName}:{nameof(HouseholdOptions.District)}), so none can be shared.");
            }

            TimeSpan? expiresIn = parse.GetValue(days) is { } d ? TimeSpan.FromDays(d) : null;
            var decision = await consents.GrantAsync(parse.GetValue(purpose)!, categoryValue, parse.GetValue(granularity)!, transform, expiresIn, district, ct);
            var grant = decision.Grant;
            await context.Output.WriteLineAsync(
                $"Given: {grant.Reference} — {grant.Category} per {grant.Granularity} for '{grant.Purpose}' to {grant.Recipient}, "
                + $"{Describe(grant.Transform)}, until {grant.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
                + (grant.District is { } shared ? $", with your district {shared}." : "."));
            await context.Output.WriteLineAsync($"Receipt {decision.Receipt.ReceiptId} (show it with: aizu consent receipt {decision.Receipt.ReceiptId}).");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Withdraw(Context context)
    {
        var id = new Argument<string>("consent-id") { Description = "The consent to withdraw (the part before '@' in 'aizu consent list')." };
        var command = new Command("withdraw", "Withdraw a consent: effective at once, nothing more is sent under it.") { id };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (consents, ct) =>
        {
            var decision = await consents.WithdrawAsync(StripVersion(parse.GetValue(id)!), ct);
            await context.Output.WriteLineAsync($"Withdrawn: {decision.Grant.Reference} ('{decision.Grant.Purpose}', {decision.Grant.Category}). Nothing more is sent under it from now on.");
            await context.Output.WriteLineAsync($"Receipt {decision.Receipt.ReceiptId} (show it with: aizu consent receipt {decision.Receipt.ReceiptId}).");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Decide(
        Context context, string name, string description, string done, Func<ConsentService, string, int?, CancellationToken, Task<ConsentDecision>> decide)
    {
        var id = new Argument<string>("consent-id") { Description = "The consent (the part before '@' in 'aizu consent list')." };
        var command = new Command(name, description) { id };
        Option<int?>? days = null;
        if (name == "renew")
        {
            days = new Option<int?>("--days") { Description = "How many days from today (default: 12 months; at most 12 months)." };
            command.Options.Add(days);
        }

        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (consents, ct) =>
        {
            var chosen = days is null ? null : parse.GetValue(days);
            if (chosen is < 1)
            {
                await context.Error.WriteLineAsync("error: --days must be 1 or more.");
                return ExitCodes.BadArguments;
            }

            var decision = await decide(consents, StripVersion(parse.GetValue(id)!), chosen, ct);
            var grant = decision.Grant;
            var until = grant.Status == ConsentStatus.Renewed ? $" until {grant.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "";
            await context.Output.WriteLineAsync($"{done}: {grant.Reference} ('{grant.Purpose}', {grant.Category}){until}.");
            await context.Output.WriteLineAsync($"Receipt {decision.Receipt.ReceiptId} (show it with: aizu consent receipt {decision.Receipt.ReceiptId}).");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Verify(Context context)
    {
        var receipt = new Option<FileInfo?>("--receipt") { Description = "Check one receipt (a file holding the JWS) instead of the whole ledger." };
        var publicKey = new Option<FileInfo?>("--public-key") { Description = "PEM public key to check --receipt with (default: this gateway's key)." };
        var command = new Command("verify", "Check the consent ledger's hash chain and every stored receipt's signature.") { receipt, publicKey };
        command.SetAction((parse, cancellationToken) =>
        {
            // Checking a receipt file against a given key needs no database at all.
            if (parse.GetValue(receipt) is { } file && parse.GetValue(publicKey) is { } keyFile)
            {
                return keyFile.Exists
                    ? VerifyReceiptFileAsync(context, file, File.ReadAllText(keyFile.FullName), cancellationToken)
                    : ReportAsync(context.Error, $"error: {keyFile.FullName} does not exist.", ExitCodes.BadArguments);
            }

            return context.RunAsync(parse, async (consents, ct) =>
            {
                if (parse.GetValue(receipt) is { } single)
                {
                    return await VerifyReceiptFileAsync(context, single, await consents.GetPublicKeyPemAsync(ct), ct);
                }

                return await VerifyAllAsync(context, consents, ct);
            }, cancellationToken);
        });
        return command;
    }

    private static Command Receipt(Context context)
    {
        var id = new Argument<string?>("id")
        {
            Description = "A receipt id, or a consent id for all of its receipts.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "Print the receipt's content as JSON instead of the signed form." };
        var publicKey = new Option<bool>("--public-key") { Description = "Print this gateway's public key (PEM), which checks every receipt offline." };
        var command = new Command("receipt", "Print consent receipts (JWS, signed by this gateway) or the key that checks them.") { id, json, publicKey };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (consents, ct) =>
        {
            if (parse.GetValue(publicKey))
            {
                await context.Output.WriteAsync(await consents.GetPublicKeyPemAsync(ct));
                await context.Output.WriteLineAsync();
                return ExitCodes.Ok;
            }

            if (parse.GetValue(id) is not { Length: > 0 } wanted)
            {
                await context.Error.WriteLineAsync("error: give a receipt id or consent id, or --public-key.");
                return ExitCodes.BadArguments;
            }

            var found = await consents.Ledger.FindReceiptAsync(wanted, ct) is { } one
                ? [one]
                : await consents.GetReceiptsAsync(StripVersion(wanted), ct);
            if (found.Count == 0)
            {
                await context.Error.WriteLineAsync($"error: no receipt or consent with id '{wanted}'. 'aizu consent list' shows the consent ids.");
                return ExitCodes.BadInput;
            }

            foreach (var stored in found)
            {
                if (parse.GetValue(json))
                {
                    await context.Output.WriteLineAsync(PrettyPayload(stored.Jws));
                }
                else
                {
                    await context.Output.WriteLineAsync($"# receipt {stored.ReceiptId} for {stored.ConsentId}@{stored.Version}, ledger event {stored.Seq}");
                    await context.Output.WriteLineAsync(stored.Jws);
                }
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Reconfirm(Context context)
    {
        var yes = new Option<bool>("--yes") { Description = "Re-confirm without asking (only after reading what this command shows)." };
        var command = new Command(
            "reconfirm",
            "After the ledger was found inconsistent: show the consents in force and, once you confirm, sign them again so sending resumes.") { yes };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (consents, ct) =>
        {
            var output = context.Output;
            var report = await consents.CheckIntegrityAsync(ct);
            if (report.IsIntact)
            {
                await output.WriteLineAsync("The consent ledger is intact: there is nothing to re-confirm.");
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync($"The consent ledger cannot be trusted: {report.Problem}");
            await output.WriteLineAsync("Nothing leaves this gateway until you re-confirm. These consents are in force:");
            var now = DateTimeOffset.UtcNow;
            var active = (await consents.GetGrantsAsync(ct)).Where(g => g.IsActiveAt(now)).ToList();
            foreach (var grant in active)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {grant.Reference}  '{grant.Purpose}'  {grant.Category} per {grant.Granularity} to {grant.Recipient}, {Describe(grant.Transform)}, {grant.ValidFrom:yyyy-MM-dd} to {grant.ExpiresAt:yyyy-MM-dd}"));
            }

            if (active.Count == 0)
            {
                await output.WriteLineAsync("  (none)");
            }

            await output.WriteLineAsync("If any of these is not yours, withdraw it first: aizu consent withdraw <consent-id>.");
            if (!parse.GetValue(yes))
            {
                await output.WriteAsync("Re-confirm exactly these consents? Type 'yes': ");
                if (!string.Equals(Console.In.ReadLine()?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
                {
                    await output.WriteLineAsync("Not re-confirmed; nothing is sent.");
                    return ExitCodes.BadArguments;
                }
            }

            var reconfirmation = await consents.ReconfirmAsync(report.HeadSeq, ct);
            await output.WriteLineAsync(
                $"Re-confirmed {reconfirmation.Grants.Count} consents over ledger events 1–{reconfirmation.HeadSeq}, signed by this gateway. Sending resumes within a minute.");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static async Task<int> VerifyAllAsync(Context context, ConsentService consents, CancellationToken cancellationToken)
    {
        var output = context.Output;
        var ledger = await consents.Ledger.VerifyAsync(cancellationToken);
        if (!ledger.IsIntact)
        {
            await output.WriteLineAsync($"Ledger BROKEN at event {ledger.BrokenSeq}: {ledger.Problem}");
            await output.WriteLineAsync($"Events 1–{ledger.EventCount} are intact (head {ledger.HeadHash}).");
        }
        else
        {
            await output.WriteLineAsync($"Ledger hash chain intact: {ledger.EventCount} events, head hash {ledger.HeadHash}.");
        }

        // The chain alone does not say a decision is the household's: receipts and the city's catalogue do.
        var integrity = await consents.CheckIntegrityAsync(cancellationToken);
        if (!integrity.IsIntact)
        {
            await output.WriteLineAsync($"Consent ledger NOT TRUSTED: {integrity.Problem}");
            await output.WriteLineAsync($"Sending is stopped. {integrity.WhatToDo}");
            return ExitCodes.VerificationFailed;
        }

        if (!ledger.IsIntact)
        {
            await output.WriteLineAsync($"The household re-confirmed its consents on {integrity.ReconfirmedAt:yyyy-MM-dd}; the ledger is trusted from there on.");
        }

        await output.WriteLineAsync("Every household decision has a receipt signed by this gateway, and the city's signed catalogue allows every grant.");
        var receipts = await consents.Ledger.ReadReceiptsAsync(null, cancellationToken);
        if (receipts.Count == 0)
        {
            await output.WriteLineAsync("Receipts: none yet.");
            return ExitCodes.Ok;
        }

        var events = (await consents.Ledger.ReadEventsAsync(0, cancellationToken)).ToDictionary(e => e.Seq);
        var publicKey = await consents.GetPublicKeyPemAsync(cancellationToken);
        var failures = 0;
        foreach (var stored in receipts)
        {
            var result = ReceiptVerifier.Verify(stored.Jws, publicKey);
            var problem = !result.IsValid
                ? result.Problem
                : !events.TryGetValue(result.Receipt!.Consent.LedgerSeq, out var recorded) || !string.Equals(recorded.Hash, result.Receipt.Consent.LedgerHash, StringComparison.Ordinal)
                    ? $"it names ledger event {result.Receipt.Consent.LedgerSeq} with a hash the ledger does not have."
                    : null;
            if (problem is not null)
            {
                failures++;
                await output.WriteLineAsync($"Receipt {stored.ReceiptId} FAILS: {problem}");
            }
        }

        await output.WriteLineAsync(failures == 0
            ? $"Receipts: all {receipts.Count} verify with this gateway's key and match their ledger events."
            : $"Receipts: {failures} of {receipts.Count} fail.");
        return failures == 0 ? ExitCodes.Ok : ExitCodes.VerificationFailed;
    }

    private static async Task<int> VerifyReceiptFileAsync(Context context, FileInfo file, string publicKeyPem, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await context.Error.WriteLineAsync($"error: {file.FullName} does not exist.");
            return ExitCodes.BadArguments;
        }

        var result = ReceiptVerifier.Verify(await File.ReadAllTextAsync(file.FullName, cancellationToken), publicKeyPem);
        if (!result.IsValid)
        {
            await context.Output.WriteLineAsync($"Receipt FAILS: {result.Problem}");
            return ExitCodes.VerificationFailed;
        }

        var receipt = result.Receipt!;
        await context.Output.WriteLineAsync(
            $"Receipt {receipt.ConsentReceiptId} verifies: consent {receipt.Consent.ConsentId}@{receipt.Consent.Version} {receipt.Consent.Event} "
            + $"at {receipt.Consent.EventTime} ({receipt.Consent.Grant.Category} per {receipt.Consent.Grant.Granularity} for '{receipt.Consent.Grant.Purpose}').");
        return ExitCodes.Ok;
    }

    private static string StatusText(ConsentGrant grant, DateTimeOffset now) =>
        grant.Status is ConsentStatus.Given or ConsentStatus.Renewed && grant.ExpiresAt <= now
            ? "expired (not yet recorded)"
            : grant.Status switch
            {
                ConsentStatus.Requested => "requested: your decision",
                ConsentStatus.Deferred => "deferred: your decision",
                var other => LedgerText.TypeName(other),
            };

    private static string Describe(ValueTransform transform) =>
        (transform.RoundTo, transform.NoiseScale) switch
        {
            (0, 0) => "not rounded",
            (var step, 0) => string.Create(CultureInfo.InvariantCulture, $"rounded to {step}"),
            (var step, var scale) => string.Create(CultureInfo.InvariantCulture, $"rounded to {step} with local noise of scale {scale}"),
        };

    private static async Task<int> ReportAsync(TextWriter writer, string message, int exitCode)
    {
        await writer.WriteLineAsync(message);
        return exitCode;
    }

    private static string StripVersion(string id) => id.Split('@')[0];

    private static string PrettyPayload(string jws)
    {
        var parts = jws.Split('.');
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(parts.Length == 3 ? parts[1] : ""));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static async Task WriteTableAsync(TextWriter output, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var c = 0; c < row.Length; c++)
            {
                line.Append(row[c].PadRight(widths[c] + 2));
            }

            await output.WriteLineAsync(line.ToString().TrimEnd());
        }
    }

    /// <summary>What every subcommand needs: where the database is, and how to report.</summary>
    private sealed class Context(DatabaseOptions database, TextWriter output, TextWriter error)
    {
        public TextWriter Output => output;

        public TextWriter Error => error;

        /// <summary>
        /// Resolves the database and the consent settings, opens the consent service on the existing
        /// file and runs <paramref name="action"/>, turning failures into messages and exit codes.
        /// </summary>
        public Task<int> RunAsync(ParseResult parse, Func<ConsentService, CancellationToken, Task<int>> action, CancellationToken cancellationToken) =>
            RunAsync(parse, (consents, _, ct) => action(consents, ct), cancellationToken);

        /// <summary>As above, for an action that also reads the resolved configuration.</summary>
        public async Task<int> RunAsync(ParseResult parse, Func<ConsentService, IConfiguration, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
        {
            if (!database.TryResolve(parse, error, out var configuration, out var path))
            {
                return ExitCodes.BadConfiguration;
            }

            var services = new ServiceCollection();
            services.AddLogging();
            var collectionMethod = configuration["Aizu:Consent:CollectionMethod"];
            services.AddAizuConsent(configuration.GetSection("Aizu:Consent"), options =>
            {
                options.DatabasePath = path;
                options.CollectionMethod = string.IsNullOrWhiteSpace(collectionMethod) ? CommandCollectionMethod : collectionMethod;
            });

            await using var provider = services.BuildServiceProvider();
            try
            {
                return await action(provider.GetRequiredService<ConsentService>(), configuration, cancellationToken);
            }
            catch (OptionsValidationException exception)
            {
                await error.WriteLineAsync("error: the configuration is not valid:");
                foreach (var failure in exception.Failures)
                {
                    await error.WriteLineAsync($"  - {failure}");
                }

                return ExitCodes.BadConfiguration;
            }
            catch (ConsentException exception)
            {
                await error.WriteLineAsync($"error: {exception.Message}");
                return ExitCodes.BadInput;
            }
            catch (Exception exception) when (exception is SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: {path} cannot be used: {exception.Message}");
                return ExitCodes.CannotStart;
            }
        }
    }
}
