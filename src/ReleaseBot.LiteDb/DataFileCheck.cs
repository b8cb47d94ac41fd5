using System.Buffers.Binary;

namespace ReleaseBot.LiteDb;

/// <summary>
/// What LiteDB 5 does not check when it opens a file, read before it does. LiteDB reads only the header page at
/// open, so a file cut short opens and fails later, on the first read of a missing page; that failure makes LiteDB
/// write an "invalid state" flag into the header, and a journal of garbage is replayed as if it were pages.
/// Both are refused here, before LiteDB touches either file. Offsets are LiteDB 5's page layout (8 KB pages:
/// <c>HeaderPage.P_HEADER_INFO</c> = 32, <c>P_LAST_PAGE_ID</c> = 64, <c>BasePage.P_PAGE_TYPE</c> = 4, <c>P_IS_CONFIRMED</c> = 18).
/// </summary>
internal static class DataFileCheck
{
    private const int PageSize = 8192;
    private const int HeaderInfoOffset = 32;
    private const string HeaderInfo = "** This is a LiteDB file **";
    private const int LastPageIdOffset = 64;
    private const int PageTypeOffset = 4;
    private const int IsConfirmedOffset = 18;
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

        var journal = new FileInfo(StoreOpenException.JournalPath(fullPath));
        if (journal.Exists && journal.Length > 0)
        {
            // With a journal, a short data file is a checkpoint the journal will finish; only its pages are checked.
            ThrowIfNotPages(journal.FullName);
            return;
        }

        var pages = (long)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(LastPageIdOffset)) + 1;
        if (data.Length < pages * PageSize)
        {
            throw new InvalidDataException(
                $"its header counts {pages} pages of 8 KB but it holds {data.Length} bytes and there is no journal: the file was cut short");
        }
    }

    /// <summary>A torn last write leaves zeros or a whole page; anything else in a page header is not LiteDB's.</summary>
    private static void ThrowIfNotPages(string journalPath)
    {
        using var stream = new FileStream(journalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var page = new byte[PageSize];
        for (var index = 0; stream.Read(page, 0, PageSize) == PageSize; index++)
        {
            if (page[PageTypeOffset] > HighestPageType || page[IsConfirmedOffset] > 1)
            {
                throw new InvalidDataException($"its journal {journalPath} holds no LiteDB page at page {index}");
            }
        }
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
