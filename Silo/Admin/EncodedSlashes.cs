namespace Orleans.Radius.Silo.Admin;

/// <summary>
/// Lets an admin URL name something whose name holds a '/' (an Acct-Session-Id such as <c>Gi0/1/2:…</c>), sent
/// percent-encoded as <c>%2F</c>. Kestrel decodes every escape of the path except <c>%2F</c>, so that an encoded
/// slash cannot change which route matches; the route value therefore keeps it encoded, and this turns it back
/// into '/' once the route has matched and before the endpoint reads its parameters.
/// </summary>
internal static class EncodedSlashes
{
    private const string EncodedSlash = "%2F";

    public static WebApplication UseEncodedSlashesInRouteValues(this WebApplication app, PathString under)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(under, StringComparison.Ordinal))
            {
                var values = context.Request.RouteValues;
                foreach (var (key, value) in values.ToList())
                {
                    if (value is string text && text.Contains(EncodedSlash, StringComparison.OrdinalIgnoreCase))
                    {
                        values[key] = text.Replace(EncodedSlash, "/", StringComparison.OrdinalIgnoreCase);
                    }
                }
            }

            return next(context);
        });
        return app;
    }
}
