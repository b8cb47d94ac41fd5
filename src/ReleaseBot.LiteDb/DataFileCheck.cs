using System.Buffers.Binary;

namespace ReleaseBot.LiteDb;

/// <summary>
/// What LiteDB 5 does not check when it opens a file, read before it does. LiteDB reads only the header page at
/// open, so a file cut short or damaged in the middle opens and fails later, on the first read of a bad page; that
/// failure makes LiteDB write an "invalid state" flag into the header, and a journal of garbage is replayed as if it
/// were pages. All are refused here, before LiteDB touches either file. Offsets are LiteDB 5's page layout (8 KB
/// pages: <c>HeaderPage.P_HEADER_INFO</c> = 32, <c>P_LAST_PAGE_ID</c> = 64, <c>BasePage.P_PAGE_ID</c> = 0,
/// <c>P_PAGE_TYPE</c> = 4, <c>P_TRANSACTION_ID</c> = 14, <c>P_IS_CONFIRMED</c> = 18).
/// </summary>
internal static class DataFileCheck
{
    private const int PageSize = 8192;
    private const int HeaderInfoOffset = 32;
    private const string HeaderInfo = "** This is a LiteDB file **";
    private const int LastPageIdOffset = 64;
    private const int PageIdOffset = 0;
    private const int PageTypeOffset = 4;
    private const int TransactionIdOffset = 14;
    private const int IsConfirmedOffset = 18;
    private const byte HeaderPageType = 1;
    private const byte HighestPageType = 4; // Empty, Header, Collection, Index, Data

    /// <exception cref="InvalidDataException">The file or its journal is damaged; the message says how.</exception>
    public static void ThrowIfDamaged(string fullPath)
    {
        var data = new FileInfo(fullPath);
        if (!data.Exists || data.Length < PageSize)
        {
            return; // new, empty, or too short to hold a header: LiteDB creates one or refuses it itself
        }

        var header = ReadPage(fullPath, 0);
        if (!header.AsSpan(HeaderInfoOffset, HeaderInfo.Length).SequenceEqual(System.Text.Encoding.ASCII.GetBytes(HeaderInfo)))
        {
            throw new InvalidDataException("it is not a LiteDB file (its first page has no LiteDB header)");
        }

        // What opening will copy in from the journal: the pages of its committed transactions, the newest header among them.
        var journal = new FileInfo(StoreOpenException.JournalPath(fullPath));
        var restored = journal.Exists && journal.Length > 0 ? ReadJournal(journal.FullName) : Journal.Empty;
        var lastPageId = restored.LastPageId ?? BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(LastPageIdOffset));
        var pages = (long)lastPageId + 1;
        var inFile = data.Length / PageSize;
        for (var id = inFile; id < pages; id++)
        {
            if (!restored.Pages.Contains((uint)id))
            {
                throw new InvalidDataException(restored == Journal.Empty
                    ? $"its header counts {pages} pages of 8 KB but it holds {data.Length} bytes and there is no journal: the file was cut short"
                    : $"its header counts {pages} pages of 8 KB; it holds {data.Length} bytes and its journal does not hold page {id}: the file was cut short");
            }
        }

        ThrowIfPagesDamaged(fullPath, Math.Min(inFile, pages), restored.Pages);
    }

    /// <summary>
    /// Each page of a LiteDB file starts with its own number and a known type; a page the journal will replace is
    /// skipped. Reads 32 bytes a page (a 100 MB file: 12,800 reads, a few ms from the page cache).
    /// </summary>
    private static void ThrowIfPagesDamaged(string fullPath, long pages, HashSet<uint> restored)
    {
        using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        Span<byte> start = stackalloc byte[32];
        for (var id = 1L; id < pages; id++)
        {
            if (restored.Contains((uint)id))
            {
                continue;
            }

            if (RandomAccess.Read(handle, start, id * PageSize) < start.Length
                || BinaryPrimitives.ReadUInt32LittleEndian(start[PageIdOffset..]) != id
                || start[PageTypeOffset] > HighestPageType)
            {
                throw new InvalidDataException($"its page {id} (at byte {id * PageSize}) is not the LiteDB page it should be: the file is damaged");
            }
        }
    }

    private sealed record Journal(HashSet<uint> Pages, uint? LastPageId)
    {
        public static Journal Empty { get; } = new([], null);
    }

    /// <summary>
    /// The pages LiteDB will replay: those of transactions whose last page is marked confirmed (a torn last write
    /// leaves an unconfirmed tail, which LiteDB drops). Anything in a page header that is not LiteDB's is refused.
    /// </summary>
    private static Journal ReadJournal(string journalPath)
    {
        var byTransaction = new Dictionary<uint, List<uint>>();
        var headers = new Dictionary<uint, uint>();
        var confirmed = new List<uint>();
        using var stream = new FileStream(journalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var page = new byte[PageSize];
        for (var index = 0; stream.ReadAtLeast(page, PageSize, throwOnEndOfStream: false) == PageSize; index++)
        {
            if (page[PageTypeOffset] > HighestPageType || page[IsConfirmedOffset] > 1)
            {
                throw new InvalidDataException($"its journal {journalPath} holds no LiteDB page at page {index}");
            }

            var id = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(PageIdOffset));
            var transaction = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(TransactionIdOffset));
            if (!byTransaction.TryGetValue(transaction, out var ids))
            {
                byTransaction[transaction] = ids = [];
            }

            ids.Add(id);
            if (page[PageTypeOffset] == HeaderPageType && id == 0)
            {
                headers[transaction] = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(LastPageIdOffset));
            }

            if (page[IsConfirmedOffset] == 1)
            {
                confirmed.Add(transaction);
            }
        }

        var pages = new HashSet<uint>();
        uint? lastPageId = null;
        foreach (var transaction in confirmed)
        {
            pages.UnionWith(byTransaction[transaction]);
            lastPageId = headers.TryGetValue(transaction, out var last) ? last : lastPageId;
        }

        return new Journal(pages, lastPageId);
    }

    private static byte[] ReadPage(string path, long index)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var page = new byte[PageSize];
        stream.Position = index * PageSize;
        stream.ReadExactly(page);
        return page;
    }
}
