namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>Which RADIUS service a UDP socket offers.</summary>
internal enum ListenerKind : byte
{
    Authentication,
    Accounting,
}
