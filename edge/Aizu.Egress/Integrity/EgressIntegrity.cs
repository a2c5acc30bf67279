namespace Aizu.Egress;

/// <summary>
/// Whether anything may leave at all: open only while the last consent integrity check
/// (<see cref="IConsentRegistry.CheckIntegrityAsync"/>, run at every egress pass) found the ledger
/// intact. Closed from start until the first check, so a damaged ledger never gets a first send. The
/// outbox hands out nothing while closed, consent-state and deletion messages included. The panel
/// reads <see cref="Current"/>; so can a future <c>aizu doctor</c>.
/// </summary>
public sealed class EgressIntegrity(ILogger<EgressIntegrity> logger)
{
    private readonly Lock sync = new();
    private ConsentIntegrityReport? current;
    private TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The last check, or null before the first.</summary>
    public ConsentIntegrityReport? Current
    {
        get
        {
            lock (sync)
            {
                return current;
            }
        }
    }

    /// <summary>True when the last check found the ledger intact.</summary>
    public bool IsOpen => Current is { IsIntact: true };

    /// <summary>Why nothing is sent, or null while egress is open.</summary>
    public string? Reason => Current switch
    {
        null => "the consent ledger has not been checked yet since the gateway started.",
        { IsIntact: true } => null,
        var report => report.Problem,
    };

    /// <summary>Records a check; logs one line when egress stops and one when it resumes.</summary>
    internal void Update(ConsentIntegrityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        bool? wasOpen;
        lock (sync)
        {
            wasOpen = current?.IsIntact;
            current = report;
            if (report.IsIntact)
            {
                opened.TrySetResult();
            }
            else if (opened.Task.IsCompleted)
            {
                opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        if (!report.IsIntact && wasOpen is not false)
        {
            logger.EgressStopped(report.Problem ?? "", ConsentIntegrityReport.Remedy);
        }
        else if (report.IsIntact && wasOpen is false)
        {
            logger.EgressResumed(report.HeadSeq);
        }
    }

    /// <summary>Completes when egress is open.</summary>
    internal Task WaitOpenAsync(CancellationToken cancellationToken)
    {
        lock (sync)
        {
            return current is { IsIntact: true } ? Task.CompletedTask : opened.Task.WaitAsync(cancellationToken);
        }
    }
}
