using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Orleans.Radius.Grains.Accounting;

/// <summary>
/// A Lua script called by its SHA-1 (EVALSHA), falling back to sending its text (EVAL, which also caches it
/// on the server) when the server does not know it yet — after a restart or a failover to a replica.
/// </summary>
/// <remarks>
/// Calling by text makes the client look the whole text up in its script cache on every call, which cost
/// about a tenth of a silo's CPU under accounting load.
/// </remarks>
internal sealed class ValkeyScript(string text)
{
    private readonly byte[] _hash = SHA1.HashData(Encoding.UTF8.GetBytes(text));

    public string Text { get; } = text;

    public async Task<RedisResult> EvaluateAsync(IDatabase database, RedisKey[] keys, RedisValue[] arguments)
    {
        try
        {
            return await database.ScriptEvaluateAsync(_hash, keys, arguments).ConfigureAwait(false);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await database.ScriptEvaluateAsync(Text, keys, arguments).ConfigureAwait(false);
        }
    }
}
