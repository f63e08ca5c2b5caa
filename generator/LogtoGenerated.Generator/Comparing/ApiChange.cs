namespace LogtoGenerated.Generator.Comparing;

/// <summary>The groups a change report is made of, in the order they are printed.</summary>
internal enum ChangeGroup
{
    OperationsRemoved,
    OperationsAdded,
    OperationsChanged,
    TypesRenamed,
    TypesRemoved,
    TypesAdded,
    TypesChanged,
}

/// <summary>
/// One change of the generated client, as its users see it. Code (names, types, paths) is written between
/// backticks: kept by the markdown report, dropped by the plain-text one.
/// </summary>
/// <param name="Group">Where the change is listed.</param>
/// <param name="Subject">
/// What changed: the operation or the type. In the added, removed and renamed groups it is the whole line;
/// in the changed groups, the heading the changes of one operation or type are listed under.
/// </param>
/// <param name="Detail">What changed about the subject, in the changed groups; null in the others.</param>
/// <param name="Breaking">True when code written against the old client may stop compiling or working.</param>
/// <param name="SortKey">Orders the subjects of a group; the changes of one subject keep the order they were found in.</param>
internal sealed record ApiChange(ChangeGroup Group, string Subject, string? Detail, bool Breaking, string SortKey);

/// <summary>Every change between two documents, for users of the client generated from them.</summary>
/// <param name="OldName">How the old document is named in the report (its file name).</param>
/// <param name="NewName">How the new document is named in the report (its file name).</param>
/// <param name="Changes">The changes, in the order they were found.</param>
internal sealed record ApiChanges(string OldName, string NewName, IReadOnlyList<ApiChange> Changes)
{
    public int BreakingCount => Changes.Count(c => c.Breaking);

    public int OtherCount => Changes.Count - BreakingCount;

    /// <summary>"2 breaking changes", "1 breaking change" or "no breaking changes".</summary>
    public string BreakingSummary => BreakingCount == 0 ? "no breaking changes" : Count(BreakingCount, "breaking change");

    /// <summary>"3 other changes", "1 other change" or "0 other changes".</summary>
    public string OtherSummary => Count(OtherCount, "other change");

    /// <summary>"2 breaking changes, 3 other changes", "no breaking changes, 1 other change", or "no changes".</summary>
    public string Summary() => Changes.Count == 0 ? "no changes" : $"{BreakingSummary}, {OtherSummary}";

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
