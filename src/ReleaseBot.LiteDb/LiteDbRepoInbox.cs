using LiteDB;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb.Documents;

namespace ReleaseBot.LiteDb;

/// <summary>The <c>to_ingest</c> collection: a handful of rows at most, so it is read without an index.</summary>
public sealed class LiteDbRepoInbox(StoreDatabase store) : IRepoInbox
{
    private readonly ILiteCollection<BsonDocument> _notices = store.Collection(Collections.ToIngest);

    public Task AddAsync(RepoNotice notice, CancellationToken cancellationToken)
    {
        _notices.Upsert(new BsonDocument
        {
            ["_id"] = notice.Id,
            ["Repo"] = notice.RepoId.ToString(),
            ["MovedTo"] = Bson.Str(notice.MovedTo?.ToString()),
            ["ReceivedAt"] = Bson.Time(notice.ReceivedAt),
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RepoNotice>> GetAsync(int max, CancellationToken cancellationToken)
    {
        IReadOnlyList<RepoNotice> notices = [.. _notices.FindAll()
            .Select(Read)
            .OfType<RepoNotice>()
            .OrderBy(n => n.ReceivedAt)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .Take(max)];
        return Task.FromResult(notices);
    }

    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        _notices.Delete(id);
        return Task.CompletedTask;
    }

    /// <summary>Null for a row that does not read as a notice (it can only have come from outside the bot).</summary>
    private static RepoNotice? Read(BsonDocument doc)
    {
        if (!RepoId.TryParse(Bson.ReadStr(doc["Repo"]), out var repo) || Bson.ReadTime(doc["ReceivedAt"]) is not { } received)
        {
            return null;
        }

        RepoId? movedTo = null;
        if (Bson.ReadStr(doc["MovedTo"]) is { } moved && !RepoId.TryParse(moved, out movedTo))
        {
            return null;
        }

        return new RepoNotice { RepoId = repo, MovedTo = movedTo, ReceivedAt = received };
    }
}
