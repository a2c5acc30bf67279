namespace Aizu.Egress;

/// <summary>Refuses start-up with a message naming the key when <see cref="EgressOptions"/> cannot work.</summary>
internal sealed class EgressOptionsValidator(string sectionPath) : SectionOptionsValidator<EgressOptions>(sectionPath)
{
    /// <inheritdoc />
    protected override void Check(EgressOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add($"{Key(nameof(EgressOptions.DatabasePath))} is required: bind it to the reading store's file (Aizu:Storage:DatabasePath).");
        }

        if (!GatewayIds.IsValid(options.GatewayId))
        {
            failures.Add($"{Key(nameof(EgressOptions.GatewayId))} '{options.GatewayId}' must be 3–64 lower-case letters, digits or dashes (the device certificate's CN).");
        }

        if (string.IsNullOrWhiteSpace(options.SecretPath) || Path.EndsInDirectorySeparator(options.SecretPath))
        {
            failures.Add($"{Key(nameof(EgressOptions.SecretPath))} must name a file, e.g. /var/lib/aizu/pseudonym.key.");
        }

        if (!string.IsNullOrWhiteSpace(options.OutboxKeyPath) && Path.EndsInDirectorySeparator(options.OutboxKeyPath))
        {
            failures.Add($"{Key(nameof(EgressOptions.OutboxKeyPath))} must name a file, e.g. /var/lib/aizu/outbox.key.");
        }

        if (options.EvaluationInterval < TimeSpan.FromSeconds(1) || options.EvaluationInterval > TimeSpan.FromHours(1))
        {
            failures.Add($"{Key(nameof(EgressOptions.EvaluationInterval))} must be between 00:00:01 and 01:00:00.");
        }

        if (options.DeliveredRetention < TimeSpan.FromDays(1) || options.DeliveredRetention > TimeSpan.FromDays(3650))
        {
            failures.Add($"{Key(nameof(EgressOptions.DeliveredRetention))} must be between 1.00:00:00 and 3650.00:00:00.");
        }

        if (options.OutboxMaxPending is < 1 or > 1_000_000)
        {
            failures.Add($"{Key(nameof(EgressOptions.OutboxMaxPending))} must be between 1 and 1000000 (data windows waiting to be sent).");
        }

        if (options.ReleaseDelay < TimeSpan.Zero || options.ReleaseDelay > TimeSpan.FromDays(1))
        {
            failures.Add($"{Key(nameof(EgressOptions.ReleaseDelay))} must be between 00:00:00 and 1.00:00:00.");
        }

        if (!string.IsNullOrWhiteSpace(options.CityConfirmationKeyPem) && P256Keys.PublicPemProblem(options.CityConfirmationKeyPem) is { } problem)
        {
            failures.Add($"{Key(nameof(EgressOptions.CityConfirmationKeyPem))} is not the city's P-256 public key: {problem}");
        }
    }
}
