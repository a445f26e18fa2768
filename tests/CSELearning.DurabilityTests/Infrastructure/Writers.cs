using System.Collections.Concurrent;
using System.Net;

namespace CSELearning.DurabilityTests.Infrastructure;

/// <summary>
/// Learners writing to the site at once: each completes the sample module, then keeps opening logs and saving
/// them (mostly the editor's autosave, sometimes the Save button), recording every answer. A write counts as
/// acknowledged only when the site answered it as saved.
/// </summary>
public sealed class Writers
{
    private int _acknowledged;
    private int _saves;
    private int _requests;
    private int _serverErrors;

    public ConcurrentDictionary<Guid, WrittenLog> Logs { get; } = new();
    public ConcurrentBag<string> Completions { get; } = [];
    /// <summary>Answers that were not what the request should have had (5xx, "database is locked", a conflict...).</summary>
    public ConcurrentQueue<string> Unexpected { get; } = new();
    /// <summary>Requests that got no answer at all (the site went away under them), with when they were sent.</summary>
    public ConcurrentQueue<(DateTime SentAt, string Error)> Unanswered { get; } = new();

    public int Acknowledged => Volatile.Read(ref _acknowledged);
    /// <summary>Reflection saves acknowledged (autosaves and Save button), not counting new logs and completions.</summary>
    public int Saves => Volatile.Read(ref _saves);
    public int Requests => Volatile.Read(ref _requests);
    public int ServerErrors => Volatile.Read(ref _serverErrors);

    /// <summary>Runs <paramref name="learner"/>'s writes until <paramref name="stop"/> or until the site stops answering.</summary>
    public async Task RunAsync(Learner learner, bool completeFirst, CancellationToken stop)
    {
        var sentAt = DateTime.UtcNow;
        try
        {
            var saves = 0;
            var completeAfter = completeFirst ? 0 : 15;
            var completing = true;
            while (!stop.IsCancellationRequested)
            {
                if (completing && saves >= completeAfter)
                {
                    completing = false;
                    sentAt = DateTime.UtcNow;
                    var status = await learner.CompleteModuleAsync(s =>
                    {
                        Answered(s, HttpStatusCode.Redirect);
                        sentAt = DateTime.UtcNow; // the module's next step goes now
                    });
                    if (status == HttpStatusCode.Redirect) Completions.Add(learner.Email);
                }

                sentAt = DateTime.UtcNow;
                var (created, id) = await learner.CreateLogAsync();
                Answered(created, HttpStatusCode.Redirect);
                if (id is not { } logId) continue;
                var log = Logs[logId] = new WrittenLog(logId, learner.Email);
                Interlocked.Increment(ref _acknowledged);

                for (var edit = 0; edit < 20 && !stop.IsCancellationRequested; edit++, saves++)
                {
                    var text = $"{learner.Email} log {logId:N} edit {edit} {Guid.NewGuid():N}";
                    log.Pending = (log.Version + 1, text);
                    int? saved;
                    sentAt = DateTime.UtcNow;
                    if (edit % 5 == 4)
                    {
                        var status = await learner.SaveAsync(logId, log.Version, text);
                        Answered(status, HttpStatusCode.Redirect);
                        saved = status == HttpStatusCode.Redirect ? log.Version + 1 : null;
                    }
                    else
                    {
                        var (status, version) = await learner.AutosaveAsync(logId, log.Version, text);
                        Answered(status, HttpStatusCode.OK);
                        saved = version;
                    }
                    if (saved is not { } version1) break;
                    log.Saved(version1, text);
                    Interlocked.Increment(ref _acknowledged);
                    Interlocked.Increment(ref _saves);
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Unanswered.Enqueue((sentAt, ex.Message));
        }
    }

    private void Answered(HttpStatusCode status, HttpStatusCode expected)
    {
        Interlocked.Increment(ref _requests);
        if ((int)status >= 500) Interlocked.Increment(ref _serverErrors);
        if (status != expected) Unexpected.Enqueue($"{(int)status} where {(int)expected} was expected");
    }

    /// <summary>Each log's acknowledged version at this moment.</summary>
    public Dictionary<Guid, int> Snapshot() => Logs.Values.ToDictionary(l => l.Id, l => l.Version);
}

/// <summary>A log one learner writes, with every version the site acknowledged and the save in flight, if any.</summary>
public sealed class WrittenLog(Guid id, string email)
{
    private readonly ConcurrentDictionary<int, string> _texts = new() { [1] = "" };
    private int _version = 1;

    public Guid Id { get; } = id;
    public string Email { get; } = email;
    public int Version => Volatile.Read(ref _version);
    public string Text => _texts[Version];
    public (int Version, string Text)? Pending { get; set; }

    public void Saved(int version, string text)
    {
        _texts[version] = text;
        Pending = null;
        Volatile.Write(ref _version, version);
    }

    /// <summary>The text the site acknowledged at <paramref name="version"/>, if it did.</summary>
    public string? TextAt(int version) => _texts.TryGetValue(version, out var text) ? text : null;
}
