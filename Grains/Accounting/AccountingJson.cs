using System.Text.Json.Serialization;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// The stored forms of a session and of a user's open-session entry: JSON, so an operator reading Valkey
/// with any client sees what the server sees.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccountingSessionState))]
[JsonSerializable(typeof(OpenSession))]
internal sealed partial class AccountingJson : JsonSerializerContext;
