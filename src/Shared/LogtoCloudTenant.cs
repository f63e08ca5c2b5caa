namespace LogtoGenerated;

/// <summary>
/// What a Logto Cloud tenant id is, written once for the packages that take one (compiled into each of them, which do
/// not depend on each other): the first label of <c>https://{id}.logto.app</c>, lower-case letters and digits with
/// <c>-</c> after the first character, at most 63 characters (one DNS label). Lower case only, because the tenant id is
/// also part of the Management API's resource indicator and of the tokens' issuer, which Logto compares exactly.
/// </summary>
internal static class LogtoCloudTenant
{
    /// <summary>The message for a value that is not a tenant id: <paramref name="name"/> says where it was set.</summary>
    public static string NotAnId(string name, string value) =>
        $"{name} '{value}' is not a Logto Cloud tenant id: use only the id, in lower case, such as \"abc123\" from https://abc123.logto.app.";

    /// <summary>Whether <paramref name="value"/> is a Logto Cloud tenant id.</summary>
    public static bool IsId(string value)
    {
        if (value.Length is 0 or > 63 || value[0] == '-')
        {
            return false;
        }

        // A loop rather than a regular expression or LINQ: checked once per client, where either costs more to compile
        // than the loop costs to run (cold start, docs/performance.md).
        foreach (char c in value)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
