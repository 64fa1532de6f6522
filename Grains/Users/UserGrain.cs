using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Radius.Grains.Accounting;
using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Grains.Options;
using Orleans.Radius.Grains.Telemetry;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Dictionary;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Users;

/// <summary>
/// One user: credentials and reply items in durable state, failed-login lockout, and the recent decisions
/// used to answer retransmissions. An accepted PAP or MS-CHAP request costs no storage I/O once active.
/// </summary>
// Activations live on the silo whose gateway the caller reached: a cluster client sends each grain's calls
// to one gateway silo chosen by the grain's hash, so a user's requests then need no forwarding hop.
[PreferLocalPlacement]
internal sealed partial class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> state,
    IOptions<DedupOptions> dedup,
    IOptions<LockoutOptions> lockout,
    IOptions<SimultaneousUseOptions> simultaneousUse,
    TimeProvider time,
    ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private const uint MicrosoftVendorId = 311;
    private const byte MsChap2SuccessType = 26;
    private const byte MsChapMppeKeysType = 12;
    private const byte MsMppeEncryptionPolicyType = 7;
    private const byte MsMppeEncryptionTypesType = 8;
    private const byte MsMppeSendKeyType = 16;
    private const byte MsMppeRecvKeyType = 17;

    private readonly RecentRequests _recent = new(dedup.Value.Window, dedup.Value.MaxEntriesPerGrain, time);
    private readonly Queue<DateTimeOffset> _failures = new();
    private List<ReplyAttribute>? _reply;
    private AuthResult? _accepted;

    // Orleans reads the state while activating: the first decision of an activation paid for that read.
    private bool _stateJustRead = true;

    public async Task<AuthResult> Authenticate(AuthRequest request)
    {
        GrainMetrics.UserDecision(_stateJustRead);
        _stateJustRead = false;
        if (_recent.TryGet(request.Key, out var cached))
        {
            return cached with { Replayed = true };
        }

        var result = await DecideAsync(request);
        _recent.Add(request.Key, result);
        ForgetUnknownName();
        return result;
    }

    private Task<AuthResult> DecideAsync(AuthRequest request) => DecideAsync(user => Verify(request, user));

    // One decision for every method: lockout, the credential check, Simultaneous-Use, reply items.
    private async Task<AuthResult> DecideAsync(Func<UserState, List<ReplyAttribute>?> verify)
    {
        var now = time.GetUtcNow();
        var user = state.State;
        if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            // Locked out: rejected without looking at the password, so guessing teaches nothing.
            return AuthResult.Rejected;
        }

        var extra = user.Exists ? verify(user) : null;
        if (extra is null)
        {
            await RecordFailureAsync(now);
            return AuthResult.Rejected;
        }

        _failures.Clear();
        if (user.MaxSessions is { } maxSessions
            && !await GrainFactory.GetGrain<IUserSessionsGrain>(this.GetPrimaryKeyString()).TryReserve(maxSessions, simultaneousUse.Value.ReservationHold))
        {
            // Simultaneous-Use: the user already has MaxSessions open (or just granted). Not a failed login.
            return AuthResult.Rejected;
        }

        if (user.LockedUntil is not null)
        {
            user.LockedUntil = null;
            await TryClearExpiredLockoutAsync();
        }

        _reply ??= ReplyItems.Compile(user.Reply, RadiusDictionary.Standard);
        if (extra.Count == 0)
        {
            // PAP and CHAP accepts are all alike: one shared result keeps the dedup cache free of garbage.
            return _accepted ??= new AuthResult(AuthOutcome.Accept, _reply, Replayed: false);
        }

        return new AuthResult(AuthOutcome.Accept, [.. _reply, .. extra], Replayed: false);
    }

    // Only an expired lockout reaches here, and an expired one refuses nothing: losing this write costs
    // nothing, while failing on it would turn an Accept into silence whenever Valkey is down.
    private async Task TryClearExpiredLockoutAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.LockoutNotCleared(logger, this.GetPrimaryKeyString(), exception.GetType().Name);
        }
    }

    // Returns the method's own reply attributes on success, null on failure.
    private List<ReplyAttribute>? Verify(AuthRequest request, UserState user) => request.Method switch
    {
        AuthMethod.Pap => request.Password is { } presented && VerifyPap(presented, user) ? [] : null,
        AuthMethod.Chap => user.CleartextPassword is { } clear
            && request.Response is { } chap && request.Challenge is { } challenge
            && ChapPassword.Verify(chap, Encoding.UTF8.GetBytes(clear), challenge) ? [] : null,
        AuthMethod.MsChapV1 => VerifyMsChapV1(request, user),
        AuthMethod.MsChapV2 => VerifyMsChapV2(request, user),
        _ => null,
    };

    private static bool VerifyPap(byte[] presented, UserState user)
    {
        if (user.CleartextPassword is { } clear)
        {
            return CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(clear));
        }

        if (user.NtHash is not { } hash || presented.Length > UserPasswordCipher.MaxPasswordLength)
        {
            return false;
        }

        Span<char> password = stackalloc char[UserPasswordCipher.MaxPasswordLength];
        Span<byte> computed = stackalloc byte[16];
        var length = Encoding.UTF8.GetChars(presented, password);
        NtPasswordHash.Compute(password[..length], computed);
        password.Clear();
        return CryptographicOperations.FixedTimeEquals(computed, hash);
    }

    private static List<ReplyAttribute>? VerifyMsChapV1(AuthRequest request, UserState user)
    {
        if (user.NtHash is not { } hash || request.Response is not { } response || request.Challenge is not { } challenge
            || !MsChapV1.VerifyResponse(response, challenge, hash))
        {
            return null;
        }

        // RFC 3079 §2: the NAS derives the MPPE keys from the hash of the NT hash.
        Span<byte> ntKey = stackalloc byte[16];
        NtPasswordHash.ComputeHashHash(hash, ntKey);
        return
        [
            new(MicrosoftVsa(MsChapMppeKeysType, ntKey), ReplyEncryption.MsChapMppeKeys),
            new(MicrosoftVsa(MsMppeEncryptionPolicyType, [0, 0, 0, 1]), ReplyEncryption.None),
            new(MicrosoftVsa(MsMppeEncryptionTypesType, [0, 0, 0, 6]), ReplyEncryption.None),
        ];
    }

    private List<ReplyAttribute>? VerifyMsChapV2(AuthRequest request, UserState user)
    {
        if (user.NtHash is not { } hash || request.Response is not { } responseValue || request.Challenge is not { } challenge
            || !MsChap2Response.TryParse(responseValue, out var response))
        {
            return null;
        }

        var userName = Encoding.UTF8.GetBytes(this.GetPrimaryKeyString());
        if (!MsChapV2.VerifyResponse(response, challenge, userName, hash))
        {
            return null;
        }

        Span<byte> success = stackalloc byte[64];
        Span<byte> sendKey = stackalloc byte[16];
        Span<byte> receiveKey = stackalloc byte[16];
        if (!MsChapV2.TryWriteSuccess(response, challenge, userName, hash, success, out var written))
        {
            return null;
        }

        MppeKeyDerivation.GetMsChapV2ServerKeys(hash, response.NtResponse, sendKey, receiveKey);
        return
        [
            new(MicrosoftVsa(MsChap2SuccessType, success[..written]), ReplyEncryption.None),
            new(MicrosoftVsa(MsMppeEncryptionPolicyType, [0, 0, 0, 1]), ReplyEncryption.None),
            new(MicrosoftVsa(MsMppeEncryptionTypesType, [0, 0, 0, 6]), ReplyEncryption.None),
            new(MicrosoftVsa(MsMppeSendKeyType, sendKey), ReplyEncryption.MicrosoftSalt),
            new(MicrosoftVsa(MsMppeRecvKeyType, receiveKey), ReplyEncryption.MicrosoftSalt),
        ];
    }

    private static byte[] MicrosoftVsa(byte type, ReadOnlySpan<byte> value)
    {
        var encoded = new byte[value.Length + 8];
        encoded[0] = 26;
        encoded[1] = (byte)encoded.Length;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(encoded.AsSpan(2), MicrosoftVendorId);
        encoded[6] = type;
        encoded[7] = (byte)(value.Length + 2);
        value.CopyTo(encoded.AsSpan(8));
        return encoded;
    }

    private async Task RecordFailureAsync(DateTimeOffset now)
    {
        var options = lockout.Value;

        // Only a stored user can be locked out; counting failures for an unknown name would only keep
        // its activation alive (Authenticate deactivates unknown names that have no failures).
        if (options.MaxFailures <= 0 || !state.State.Exists)
        {
            return;
        }

        _failures.Enqueue(now);
        while (_failures.Count > 0 && now - _failures.Peek() > options.Window)
        {
            _failures.Dequeue();
        }

        if (_failures.Count >= options.MaxFailures && state.State.Exists)
        {
            // Durable before the Reject leaves: a failover must not reset the lockout.
            state.State.LockedUntil = now + options.Duration;
            _failures.Clear();
            await state.WriteStateAsync();
            Log.LockedOut(logger, this.GetPrimaryKeyString(), options.Duration);
        }
    }

    public async Task<EapUserResult> VerifyEapMd5(byte identifier, byte[] challenge, byte[] response) =>
        ToEapResult(await DecideAsync(user => user.CleartextPassword is { } clear
            && EapMd5Challenge.VerifyResponse(identifier, Encoding.UTF8.GetBytes(clear), challenge, response) ? [] : null));

    public async Task<EapUserResult> VerifyEapMsChapV2(byte[] authenticatorChallenge, byte[] peerChallenge, byte[] ntResponse)
    {
        string? authenticatorResponse = null;
        byte[]? masterKey = null;
        var result = await DecideAsync(user =>
        {
            var name = Encoding.UTF8.GetBytes(this.GetPrimaryKeyString());
            if (user.NtHash is not { } hash || !MsChapV2.VerifyResponse(peerChallenge, ntResponse, authenticatorChallenge, name, hash))
            {
                return null;
            }

            var userName = MsChapV2.GetUserNameForChallenge(name);
            Span<byte> authenticator = stackalloc byte[MsChapV2.AuthenticatorResponseLength];
            MsChapV2.GenerateAuthenticatorResponse(hash, ntResponse, peerChallenge, authenticatorChallenge, userName, authenticator);
            authenticatorResponse = Encoding.ASCII.GetString(authenticator);
            Span<byte> hashHash = stackalloc byte[NtPasswordHash.Length];
            NtPasswordHash.ComputeHashHash(hash, hashHash);
            masterKey = new byte[MppeKeyDerivation.KeyLength];
            MppeKeyDerivation.GetMasterKey(hashHash, ntResponse, masterKey);
            CryptographicOperations.ZeroMemory(hashHash);
            return [];
        });
        ForgetUnknownName();
        return result.Outcome == AuthOutcome.Accept
            ? new EapUserResult(true, result.Attributes, authenticatorResponse, masterKey)
            : EapUserResult.Rejected;
    }

    public async Task<EapUserResult> VerifyEapPassword(byte[] password) =>
        ToEapResult(await DecideAsync(user => VerifyPap(password, user) ? [] : null));

    public async Task<EapUserResult> AuthorizeEapCertificate(bool acceptUnknown)
    {
        if (!state.State.Exists)
        {
            // The certificate already proved who the peer is; an unknown name has no reply items and no limits.
            DeactivateOnIdle();
            return acceptUnknown ? new EapUserResult(true, []) : EapUserResult.Rejected;
        }

        return ToEapResult(await DecideAsync(_ => []));
    }

    private EapUserResult ToEapResult(AuthResult result)
    {
        ForgetUnknownName();
        return result.Outcome == AuthOutcome.Accept ? new EapUserResult(true, result.Attributes) : EapUserResult.Rejected;
    }

    private void ForgetUnknownName()
    {
        if (!state.State.Exists && _failures.Count == 0)
        {
            // Unknown names must not pile up activations (a spray of random user names).
            DeactivateOnIdle();
        }
    }

    public async Task<bool> Upsert(UserDefinition definition)
    {
        byte[]? ntHash = null;
        if (!string.IsNullOrEmpty(definition.NtHash))
        {
            ntHash = new byte[16];
            if (!NtPasswordHash.TryParseHex(definition.NtHash, ntHash))
            {
                throw new ArgumentException("NtHash must be 32 hex digits", nameof(definition));
            }
        }
        else if (!string.IsNullOrEmpty(definition.Password))
        {
            ntHash = new byte[16];
            NtPasswordHash.Compute(definition.Password, ntHash);
        }

        var reply = new Dictionary<string, string>(definition.Reply ?? new Dictionary<string, string>());
        var current = state.State;
        if (current.Exists && current.CleartextPassword == definition.Password
            && (current.NtHash ?? []).AsSpan().SequenceEqual(ntHash ?? [])
            && current.MaxSessions == definition.MaxSessions
            && current.Reply.Count == reply.Count && !current.Reply.Except(reply).Any())
        {
            LeaveForItsCaller();
            return false;
        }

        // Listed before it is stored: a listed name whose user is not there yet is harmless, a stored user
        // missing from the directory would be invisible to the admin API.
        await GrainFactory.ShardFor(this.GetPrimaryKeyString()).Add(this.GetPrimaryKeyString());
        state.State = new UserState
        {
            Exists = true,
            CleartextPassword = string.IsNullOrEmpty(definition.Password) ? null : definition.Password,
            NtHash = ntHash,
            Reply = reply,
            MaxSessions = definition.MaxSessions,
            LockedUntil = current.LockedUntil,
        };
        _reply = null;
        _accepted = null;
        await state.WriteStateAsync();
        LeaveForItsCaller();
        return true;
    }

    // Seeding and admin changes come from inside one silo; with local placement they would gather every
    // user there. Deactivating lets the next login place the grain where its requests arrive.
    private void LeaveForItsCaller()
    {
        if (_failures.Count == 0)
        {
            DeactivateOnIdle();
        }
    }

    public Task<UserView?> Get()
    {
        var user = state.State;
        return Task.FromResult(user.Exists
            ? new UserView(this.GetPrimaryKeyString(), user.CleartextPassword is not null, user.NtHash is not null, user.Reply, user.MaxSessions,
                user.LockedUntil > time.GetUtcNow())
            : null);
    }

    public async Task<bool> Delete()
    {
        if (!state.State.Exists)
        {
            // Also drops a name listed by an upsert whose state write failed.
            await GrainFactory.ShardFor(this.GetPrimaryKeyString()).Remove(this.GetPrimaryKeyString());
            return false;
        }

        await state.ClearStateAsync();
        state.State = new UserState();
        _reply = null;
        _accepted = null;
        _failures.Clear();
        await GrainFactory.ShardFor(this.GetPrimaryKeyString()).Remove(this.GetPrimaryKeyString());
        return true;
    }

    public async Task Unlock()
    {
        _failures.Clear();
        if (state.State.LockedUntil is not null)
        {
            state.State.LockedUntil = null;
            await state.WriteStateAsync();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "User {UserName} locked out for {Duration} after repeated failed logins")]
        public static partial void LockedOut(ILogger logger, string userName, TimeSpan duration);

        [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "User {UserName} accepted, but clearing the expired lockout was not stored ({ExceptionType})")]
        public static partial void LockoutNotCleared(ILogger logger, string userName, string exceptionType);
    }
}
