namespace LogtoGenerated.Tests.Readme;

/// <summary>A fenced code block of a Markdown file.</summary>
/// <param name="Language">The first word of the fence's info string (<c>csharp</c>, <c>bash</c>); empty when there is none.</param>
/// <param name="FenceLine">The 1-based line of the opening fence.</param>
/// <param name="Indentation">How many spaces the opening fence is indented (a block inside a list item is); removed from the code.</param>
/// <param name="Code">The lines between the fences, joined with <c>\n</c>.</param>
internal sealed record MarkdownCodeBlock(string Language, int FenceLine, int Indentation, string Code)
{
    /// <summary>The 1-based line of the block's first line of code.</summary>
    public int FirstCodeLine => FenceLine + 1;
}

/// <summary>Finds the fenced code blocks (<c>```</c> or <c>~~~</c>) of a Markdown file, as CommonMark reads them.</summary>
internal static class MarkdownCodeBlocks
{
    public static IReadOnlyList<MarkdownCodeBlock> Extract(string markdown)
    {
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<MarkdownCodeBlock>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (!TryReadOpeningFence(lines[i], out int indentation, out char fenceChar, out int fenceLength, out string info))
            {
                continue;
            }

            int fenceLine = i + 1;
            var code = new List<string>();
            // A block that is never closed runs to the end of the file.
            for (i++; i < lines.Length && !IsClosingFence(lines[i], fenceChar, fenceLength); i++)
            {
                code.Add(RemoveIndentation(lines[i], indentation));
            }

            string language = info.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
            blocks.Add(new MarkdownCodeBlock(language, fenceLine, indentation, string.Join('\n', code)));
        }

        return blocks;
    }

    private static bool TryReadOpeningFence(string line, out int indentation, out char fenceChar, out int fenceLength, out string info)
    {
        indentation = line.Length - line.TrimStart(' ').Length;
        string rest = line[indentation..];
        fenceChar = rest.Length > 0 ? rest[0] : '\0';
        fenceLength = rest.Length - rest.TrimStart(fenceChar).Length;
        info = fenceLength > 0 ? rest[fenceLength..].Trim() : string.Empty;
        // A backtick fence's info string cannot contain a backtick (that line is inline code).
        return fenceChar is '`' or '~' && fenceLength >= 3 && !(fenceChar == '`' && info.Contains('`', StringComparison.Ordinal));
    }

    private static bool IsClosingFence(string line, char fenceChar, int fenceLength)
    {
        string trimmed = line.Trim();
        return trimmed.Length >= fenceLength && trimmed.TrimStart(fenceChar).Length == 0;
    }

    private static string RemoveIndentation(string line, int indentation)
    {
        int spaces = 0;
        while (spaces < indentation && spaces < line.Length && line[spaces] == ' ')
        {
            spaces++;
        }

        return line[spaces..];
    }
}
