using LogtoGenerated.Generator.Model;

namespace LogtoGenerated.Generator.Naming;

/// <summary>Names what is not a model type: request builders, their members, parameters, properties and union members.</summary>
internal static class MemberNamer
{
    /// <summary>Member names every generated model reserves for itself.</summary>
    public const string ExtensionDataName = "AdditionalData";

    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", ExtensionDataName,
    };

    public static void NameAll(ApiModel model, GeneratorOptions options)
    {
        NameBuilders(model.Root, options, "", "");
        foreach (var type in model.Types)
        {
            switch (type)
            {
                case ObjectType o:
                    NameProperties(o);
                    break;
                case UnionType u:
                    NameAlternatives(u);
                    break;
                case EnumType e:
                    NameEnumMembers(e);
                    break;
            }
        }
    }

    private static void NameBuilders(RequestBuilderNode node, GeneratorOptions options, string folder, string namespaceSuffix)
    {
        if (node.Parent is null)
        {
            node.ClassName = options.ClientName;
            node.Namespace = options.Namespace;
            node.Folder = "";
        }

        foreach (var child in node.Children.Values)
        {
            string folderName;
            if (child.IsParameter)
            {
                folderName = "Item";
                var owner = node.Parent is null ? "" : Identifiers.Singular(Identifiers.Pascal(node.Segment));
                child.ClassName = (owner.Length == 0 ? "" : owner) + "ItemRequestBuilder";
                child.IsIndexer = child.SegmentParameters.Count == 1
                    && child.Segment.StartsWith('{') && child.Segment.EndsWith('}')
                    && child.SegmentParameters[0].Type.Type is PrimitiveRef { Kind: PrimitiveKind.String } or ModelRef { Type: EnumType };
                child.MemberName = child.IsIndexer ? "this" : "By" + string.Concat(child.SegmentParameters.Select(p => Identifiers.Pascal(p.WireName)));
            }
            else
            {
                folderName = Identifiers.Pascal(child.Segment);
                child.ClassName = folderName + "RequestBuilder";
                child.MemberName = folderName;
            }

            child.Folder = folder.Length == 0 ? folderName : folder + "/" + folderName;
            var suffix = namespaceSuffix + "." + folderName;
            child.Namespace = options.BuildersNamespace + suffix;
            foreach (var parameter in child.SegmentParameters)
            {
                parameter.Name = Identifiers.Camel(parameter.WireName);
            }

            NameBuilders(child, options, child.Folder, suffix);
        }

        foreach (var operation in node.Operations)
        {
            NameOperation(operation);
        }
    }

    /// <summary>Names an operation's query parameters, its query-parameters class and its advanced search property.</summary>
    private static void NameOperation(OperationModel operation)
    {
        foreach (var parameter in operation.RequiredQuery)
        {
            parameter.Name = Identifiers.Camel(parameter.WireName);
        }

        var used = new HashSet<string>(StringComparer.Ordinal) { "Headers" };
        foreach (var parameter in operation.OptionalQuery)
        {
            parameter.Name = Unique(Identifiers.Pascal(parameter.WireName), used);
        }

        operation.QueryClassName = operation.OptionalQuery.Count > 0 ? Identifiers.Pascal(operation.OperationId) + "QueryParameters" : null;

        // The typed advanced search is named AdvancedSearch if a parameter took "Search".
        operation.SearchPropertyName = operation.SearchParams is null
            ? null
            : operation.OptionalQuery.Any(p => p.Name == "Search") ? "AdvancedSearch" : "Search";
    }

    private static void NameProperties(ObjectType type)
    {
        var used = new HashSet<string>(ObjectMembers, StringComparer.Ordinal) { type.Name };
        foreach (var property in type.Properties)
        {
            var name = Identifiers.Pascal(property.WireName);
            property.Name = Unique(name == type.Name ? name + "Value" : name, used);
        }

        // After every property has its name, so that none of them is taken.
        foreach (var property in type.Properties.Where(p => p.TracksPresence))
        {
            property.PresenceName = Unique(property.Name + "Presence", used);
        }
    }

    private static void NameAlternatives(UnionType type)
    {
        var used = new HashSet<string>(ObjectMembers, StringComparer.Ordinal) { type.Name, "Value" };
        foreach (var alternative in type.Alternatives)
        {
            var name = alternative.Type.Type is ModelRef { Type: ObjectType } && alternative.Member is { } member
                ? Identifiers.Pascal(member)
                : AlternativeName(alternative.Type.Type, type.Name);
            alternative.Name = Unique(name, used);
        }
    }

    private static string AlternativeName(TypeRef type, string unionName) => type switch
    {
        ModelRef { Type: var model } => model.Name.StartsWith(unionName, StringComparison.Ordinal) && model.Name.Length > unionName.Length
            ? model.Name[unionName.Length..]
            : model.Name,
        PrimitiveRef { Kind: PrimitiveKind.String } => "String",
        PrimitiveRef { Kind: PrimitiveKind.Boolean } => "Boolean",
        PrimitiveRef { Kind: PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.Double } => "Number",
        PrimitiveRef { Kind: PrimitiveKind.JsonObject } => "Object",
        ListRef { Item.Type: var item } => AlternativeName(item, unionName) + "List",
        MapRef => "Map",
        _ => "Json",
    };

    /// <summary>The name, or the name with <c>Value</c> appended until no member of the type uses it.</summary>
    /// <summary>Names the static property standing for each value of an enum, clear of the members every generated enum has.</summary>
    private static void NameEnumMembers(EnumType type)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { type.Name, "Value", "IsKnown", "FromString", "Equals", "GetHashCode", "ToString", "GetType", "KnownValues" };
        type.MemberNames.Clear();
        type.MemberNames.AddRange(type.Values.Select(v => Unique(Identifiers.Pascal(v), used)));
    }

    public static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        // Two wire names that differ only in separators ("user_id", "userId") keep distinct members.
        while (!used.Add(candidate))
        {
            candidate += "Value";
        }

        return candidate;
    }
}
