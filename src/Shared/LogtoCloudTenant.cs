namespace LogtoGenerated;

/// <summary>
/// What a Logto Cloud tenant id is, written once for the packages that take one (compiled into each of them, which do
/// not depend on each other): the first label of <c>https://{id}.logto.app</c>, lower-case letters and digits with
/// <c>-</c> after the first character, at most 63 characters (one DNS label). Lower case only, because the tenant id is
/// also part of the Management API's resource indicator and of the tokens' issuer, which Logto compares exactly.
/// </summary>
internal static class LogtoCloudTenant
{
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
