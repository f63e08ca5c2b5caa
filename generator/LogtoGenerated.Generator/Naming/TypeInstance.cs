using LogtoGenerated.Generator.Model;

namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// A type being named: a shape of the document with the uses it covers and, once named, its name. Each shape starts as
/// one; when no single true name covers every use of a shape, its uses are split among several (see <see cref="TypeInstances"/>).
/// </summary>
/// <param name="shape">The shape.</param>
internal sealed class TypeInstance(ModelType shape)
{
    /// <summary>The shape: its members, as the document describes them.</summary>
    public ModelType Shape { get; } = shape;

    /// <summary>The uses this type covers, with the names they suggest; best first once ranked.</summary>
    public List<NameCandidate> Candidates { get; } = [];

    /// <summary>The chosen C# name; empty until named.</summary>
    public string Name { get; set; } = "";

    /// <summary>True when a human-curated override chose <see cref="Name"/>.</summary>
    public bool NamedByOverride { get; set; }

    /// <summary>The folder (and resource) the type is emitted under, e.g. <c>Users</c>.</summary>
    public string Folder { get; set; } = "";

    /// <summary>The JSON pointer of the first schema of the shape, for errors.</summary>
    public string Pointer => Shape.Pointer;
}
