using System.Net;

namespace Orleans.Radius.Silo.Admin;

/// <summary>Start-up problems with the <c>Admin</c> section.</summary>
internal static class AdminOptionsProblems
{
    public static IEnumerable<string> Find(IConfiguration configuration)
    {
        var problems = new List<string>();
        var admin = new AdminOptions();
        try
        {
            configuration.GetSection(AdminOptions.Section).Bind(admin);
        }
        catch (InvalidOperationException exception)
        {
            problems.Add($"Admin: {exception.Message}");
            return problems;
        }

        if (admin.Token is { Length: > 0 and < 16 })
        {
            problems.Add("Admin:Token is shorter than 16 characters");
        }

        if (admin.CoaTimeout <= TimeSpan.Zero || admin.CoaTimeout > TimeSpan.FromSeconds(30))
        {
            problems.Add($"Admin:CoaTimeout {admin.CoaTimeout} must be above zero and at most 30 s");
        }

        if (admin.CoaAttempts is < 1 or > 10)
        {
            problems.Add("Admin:CoaAttempts must be 1–10");
        }

        if (admin.CoaSourceAddress is { Length: > 0 } source && !IPAddress.TryParse(source, out _))
        {
            problems.Add($"Admin:CoaSourceAddress '{source}' is not an IP address");
        }

        return problems;
    }
}
