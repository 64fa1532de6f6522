using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.Grains.Eap;
using Orleans.Radius.Grains.Options;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Tests.Eap;

/// <summary>A silo with EAP conversations, memory storage for them and one user.</summary>
public sealed class EapClusterFixture : ClusterFixture
{
    protected override void Configure(DedupOptions options)
    {
    }

    protected override void Configure(LockoutOptions options) => options.MaxFailures = 0;

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(EapOptions.StorageName);
        silo.Services.AddEapConversations();
    }
}

[CollectionDefinition(Name)]
public sealed class EapClusterCollection : ICollectionFixture<EapClusterFixture>
{
    public const string Name = "eap cluster";
}

/// <summary>The conversation grain: identity, Nak, EAP-MD5, identifiers, retransmissions, unknown conversations.</summary>
[Collection(EapClusterCollection.Name)]
public sealed class EapConversationTests(EapClusterFixture fixture)
{
    private static int _port = 1000;

    [Fact]
    public async Task Eap_md5_after_a_nak_accepts_the_right_password_and_replays_a_retransmission()
    {
        await fixture.Grains.GetGrain<IUserGrain>("md5-user").Upsert(new UserDefinition("md5-user", "md5-secret", null, null, null));
        var conversation = NewConversation();

        var proposal = await conversation.Process(Round(Identity(7, "md5-user"), starts: true));
        Assert.Equal(EapReplyKind.Challenge, proposal.Kind);
        Assert.Equal((byte)EapType.MsChapV2, proposal.EapMessage[EapPacket.TypeOffset]);
        Assert.Equal(8, proposal.EapMessage[EapPacket.IdentifierOffset]);

        var challenge = await conversation.Process(Round(Nak(8, EapType.Md5Challenge)));
        Assert.Equal(EapReplyKind.Challenge, challenge.Kind);
        Assert.Equal((byte)EapType.Md5Challenge, challenge.EapMessage[EapPacket.TypeOffset]);

        var answer = Round(Md5Response(challenge.EapMessage, "md5-secret"));
        var accepted = await conversation.Process(answer);
        var replayed = await conversation.Process(answer);

        Assert.Equal(EapReplyKind.Accept, accepted.Kind);
        Assert.Equal((byte)EapCode.Success, accepted.EapMessage[EapPacket.CodeOffset]);
        Assert.Equal(9, accepted.EapMessage[EapPacket.IdentifierOffset]);
        Assert.True(replayed.Replayed);
        Assert.Equal(accepted.EapMessage, replayed.EapMessage);
    }

    [Fact]
    public async Task A_wrong_md5_response_is_rejected_with_eap_failure()
    {
        await fixture.Grains.GetGrain<IUserGrain>("md5-wrong").Upsert(new UserDefinition("md5-wrong", "right", null, null, null));
        var conversation = NewConversation();
        var challenge = await conversation.Process(Round(Identity(1, "md5-wrong"), starts: true, methods: ["MD5"]));

        var result = await conversation.Process(Round(Md5Response(challenge.EapMessage, "wrong")));

        Assert.Equal(EapReplyKind.Reject, result.Kind);
        Assert.Equal((byte)EapCode.Failure, result.EapMessage[EapPacket.CodeOffset]);
    }

    [Fact]
    public async Task A_round_for_a_conversation_nobody_knows_is_answered_with_eap_failure()
    {
        var result = await NewConversation().Process(Round(Identity(3, "someone")));

        Assert.Equal(EapReplyKind.Reject, result.Kind);
        Assert.Equal((byte)EapCode.Failure, result.EapMessage[EapPacket.CodeOffset]);
        Assert.Equal(3, result.EapMessage[EapPacket.IdentifierOffset]);
    }

    [Fact]
    public async Task A_nak_for_a_method_that_is_not_allowed_ends_in_eap_failure()
    {
        var conversation = NewConversation();
        var proposal = await conversation.Process(Round(Identity(1, "anyone"), starts: true, methods: ["MD5"]));
        Assert.Equal((byte)EapType.Md5Challenge, proposal.EapMessage[EapPacket.TypeOffset]);

        var result = await conversation.Process(Round(Nak(2, EapType.MsChapV2)));

        Assert.Equal(EapReplyKind.Reject, result.Kind);
    }

    [Fact]
    public async Task A_response_with_the_wrong_identifier_is_discarded()
    {
        var conversation = NewConversation();
        await conversation.Process(Round(Identity(1, "anyone"), starts: true, methods: ["MD5"]));

        var result = await conversation.Process(Round(Nak(9, EapType.MsChapV2)));

        Assert.Equal(EapReplyKind.Discard, result.Kind);
    }

    private IEapConversationGrain NewConversation() =>
        fixture.Grains.GetGrain<IEapConversationGrain>(EapConversationKeys.ToKey(EapConversationKeys.NewState()));

    private static EapRound Round(byte[] eap, bool starts = false, IReadOnlyList<string>? methods = null) =>
        new(new RequestKey([127, 0, 0, 1], (ushort)Interlocked.Increment(ref _port), 1, RandomNumberGenerator.GetBytes(16)), "nas", eap, null, methods, starts);

    private static byte[] Identity(byte identifier, string name)
    {
        var value = Encoding.UTF8.GetBytes(name);
        var packet = new byte[EapPacket.TypeHeaderLength + value.Length];
        EapPacketWriter.TryWriteIdentity(packet, EapCode.Response, identifier, value, out _);
        return packet;
    }

    private static byte[] Nak(byte identifier, EapType desired)
    {
        var packet = new byte[EapPacket.TypeHeaderLength + 1];
        EapNak.TryWrite(packet, identifier, [desired], out _);
        return packet;
    }

    private static byte[] Md5Response(byte[] request, string password)
    {
        EapPacketReader.TryParse(request, out var reader);
        EapMd5Challenge.TryRead(reader.TypeData, out var challenge, out _);
        var response = new byte[EapMd5Challenge.ResponseValueLength];
        EapMd5Challenge.ComputeResponse(reader.Identifier, Encoding.UTF8.GetBytes(password), challenge, response);
        var packet = new byte[64];
        EapMd5Challenge.TryWrite(packet, EapCode.Response, reader.Identifier, response, [], out var written);
        return packet[..written];
    }
}
