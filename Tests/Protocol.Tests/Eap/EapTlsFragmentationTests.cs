using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Protocol.Tests.Eap;

public class EapTlsFragmentationTests
{
    public static TheoryData<int, int, bool> Sizes()
    {
        var data = new TheoryData<int, int, bool>();
        int[] messageLengths = [1, 2, 7, 100, 1000, 1023, 1024, 1025, 2048, 4099, 16387, 65536];
        int[] fragmentLengths = [1, 2, 3, 64, 1000, 1024, 1398];
        foreach (var message in messageLengths)
        {
            foreach (var fragment in fragmentLengths)
            {
                // 1-byte fragments of large messages add time without adding coverage.
                if (message / fragment <= 20_000)
                {
                    data.Add(message, fragment, message % 2 == 0);
                }
            }
        }

        data.Add(65536, 1, false);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Fragments_reassemble_to_the_original_message(int messageLength, int maxFragment, bool alwaysIncludeLength)
    {
        var message = Enumerable.Range(0, messageLength).Select(i => (byte)(i * 31 + 7)).ToArray();
        var fragmenter = new EapTlsFragmenter(maxFragment, alwaysIncludeLength);
        var reassembler = new EapTlsReassembler();
        var buffer = new byte[fragmenter.MaxPacketLength];
        var offset = 0;
        var fragments = 0;
        var result = EapTlsReassemblyResult.NeedMoreFragments;
        while (offset < messageLength)
        {
            Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, result);
            Assert.True(fragmenter.TryWriteFragment(buffer, EapCode.Response, (byte)fragments, EapType.Peap, 0, message, offset, out var written, out var next));
            Assert.True(written <= fragmenter.MaxPacketLength);
            Assert.Equal(EapParseError.None, EapPacketReader.TryParse(buffer.AsSpan(0, written), out var eap));
            Assert.Equal(EapParseError.None, EapTlsPacketReader.TryParse(eap.TypeData, out var tls));

            var fragmented = messageLength > maxFragment;
            Assert.Equal(offset == 0 && (fragmented || alwaysIncludeLength), tls.HasLength);
            Assert.Equal(next < messageLength, tls.MoreFragments);
            Assert.Equal(tls.HasLength ? (uint)messageLength : 0u, tls.DeclaredLength);
            Assert.Equal(Math.Min(maxFragment, messageLength - offset), tls.Data.Length);

            result = reassembler.Add(tls);
            offset = next;
            fragments++;
        }

        Assert.Equal(EapTlsReassemblyResult.Complete, result);
        Assert.Equal(fragmenter.CountFragments(messageLength), fragments);
        Assert.Equal(message, reassembler.Message.ToArray());
        Assert.False(reassembler.InProgress);
    }

    [Fact]
    public void Exactly_full_fragments_do_not_leave_an_empty_last_fragment()
    {
        var fragmenter = new EapTlsFragmenter(100);
        Assert.Equal(3, fragmenter.CountFragments(300));
        Assert.Equal(new EapTlsFragment(0, 100, true, true), fragmenter.GetFragment(300, 0));
        Assert.Equal(new EapTlsFragment(100, 100, false, true), fragmenter.GetFragment(300, 100));
        Assert.Equal(new EapTlsFragment(200, 100, false, false), fragmenter.GetFragment(300, 200));
        Assert.Equal(new EapTlsFragment(0, 100, false, false), fragmenter.GetFragment(100, 0));
        Assert.Equal(EapTlsFlags.LengthIncluded | EapTlsFlags.MoreFragments, fragmenter.GetFragment(300, 0).Flags);
    }

    [Fact]
    public void Fragmenter_refuses_programming_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EapTlsFragmenter(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EapTlsFragmenter(EapTlsFragmenter.MaxFragmentDataLimit + 1));
        var fragmenter = new EapTlsFragmenter(EapTlsFragmenter.MaxFragmentDataLimit);
        Assert.Equal(EapPacket.MaxLength, fragmenter.MaxPacketLength);
        Assert.Throws<ArgumentOutOfRangeException>(() => fragmenter.GetFragment(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => fragmenter.GetFragment(10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => fragmenter.GetFragment(10, -1));
        Assert.False(fragmenter.TryWriteFragment(new byte[10], EapCode.Request, 1, EapType.Tls, 0, new byte[100], 0, out _, out var next));
        Assert.Equal(0, next);
    }

    [Fact]
    public void Tolerates_the_same_length_on_every_fragment()
    {
        var reassembler = new EapTlsReassembler();
        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(true, 6, true, [1, 2]));
        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(true, 6, true, [3, 4]));
        Assert.Equal(6, reassembler.DeclaredLength);
        Assert.True(reassembler.InProgress);
        Assert.Equal(EapTlsReassemblyResult.Complete, reassembler.Add(true, 6, false, [5, 6]));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, reassembler.Message.ToArray());
    }

    [Fact]
    public void Tolerates_a_missing_length_within_the_cap()
    {
        var reassembler = new EapTlsReassembler(maxMessageLength: 4);
        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(false, 0, true, [1, 2]));
        Assert.Null(reassembler.DeclaredLength);
        Assert.Equal(EapTlsReassemblyResult.Complete, reassembler.Add(false, 0, false, [3, 4]));

        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(false, 0, true, [1, 2, 3]));
        Assert.Equal(EapTlsReassemblyResult.TooLarge, reassembler.Add(false, 0, false, [4, 5]));
        Assert.Equal(0, reassembler.ReceivedLength);
    }

    [Fact]
    public void Accepts_a_late_length_only_if_it_covers_what_was_received()
    {
        var reassembler = new EapTlsReassembler();
        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(false, 0, true, [1, 2, 3]));
        Assert.Equal(EapTlsReassemblyResult.Complete, reassembler.Add(true, 5, false, [4, 5]));

        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(false, 0, true, [1, 2, 3]));
        Assert.Equal(EapTlsReassemblyResult.DeclaredLengthInconsistent, reassembler.Add(true, 2, false, [4]));
    }

    [Theory]
    [InlineData(65537u, EapTlsReassemblyResult.DeclaredLengthTooLarge)]
    [InlineData(uint.MaxValue, EapTlsReassemblyResult.DeclaredLengthTooLarge)]
    [InlineData(0u, EapTlsReassemblyResult.DeclaredLengthInconsistent)]
    [InlineData(1u, EapTlsReassemblyResult.ExceedsDeclaredLength)]
    [InlineData(2u, EapTlsReassemblyResult.DeclaredLengthInconsistent)]
    public void Rejects_a_hostile_first_declared_length(uint declared, EapTlsReassemblyResult expected)
    {
        // Two bytes with M set: a declared length of 2 is already reached, so "more" contradicts it.
        var reassembler = new EapTlsReassembler();
        Assert.Equal(expected, reassembler.Add(true, declared, true, [1, 2]));
        Assert.False(reassembler.InProgress);
        Assert.Equal(0, reassembler.ReceivedLength);
    }

    [Fact]
    public void Rejects_a_length_that_changes_between_fragments()
    {
        var reassembler = new EapTlsReassembler();
        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(true, 10, true, [1, 2]));
        Assert.Equal(EapTlsReassemblyResult.DeclaredLengthInconsistent, reassembler.Add(true, 11, true, [3]));
    }

    [Fact]
    public void Rejects_data_beyond_the_declared_length_across_fragments()
    {
        var reassembler = new EapTlsReassembler();
        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(true, 4, true, [1, 2, 3]));
        Assert.Equal(EapTlsReassemblyResult.ExceedsDeclaredLength, reassembler.Add(false, 0, false, [4, 5]));
    }

    [Fact]
    public void Rejects_a_last_fragment_short_of_the_declared_length()
    {
        var reassembler = new EapTlsReassembler();
        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(true, 5, true, [1, 2]));
        Assert.Equal(EapTlsReassemblyResult.ShorterThanDeclaredLength, reassembler.Add(false, 0, false, [3]));
        Assert.Equal(EapTlsReassemblyResult.ShorterThanDeclaredLength, reassembler.Add(true, 5, false, [3]));
    }

    [Fact]
    public void Rejects_empty_fragments()
    {
        var reassembler = new EapTlsReassembler();
        Assert.Equal(EapTlsReassemblyResult.EmptyFragment, reassembler.Add(false, 0, false, []));
        Assert.Equal(EapTlsReassemblyResult.EmptyFragment, reassembler.Add(false, 0, true, []));
        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(true, 3, true, [1]));
        Assert.Equal(EapTlsReassemblyResult.EmptyFragment, reassembler.Add(false, 0, true, []));
    }

    [Fact]
    public void Starts_over_after_an_error_a_completion_or_a_reset()
    {
        var reassembler = new EapTlsReassembler();
        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(true, 4, true, [9, 9]));
        Assert.Equal(EapTlsReassemblyResult.DeclaredLengthInconsistent, reassembler.Add(true, 5, false, [9, 9]));
        Assert.Equal(EapTlsReassemblyResult.Complete, reassembler.Add(false, 0, false, [1]));
        Assert.Equal(new byte[] { 1 }, reassembler.Message.ToArray());
        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(false, 0, true, [2]));
        Assert.True(reassembler.Message.IsEmpty);
        reassembler.Reset();
        Assert.False(reassembler.InProgress);
        Assert.Equal(EapTlsReassemblyResult.Complete, reassembler.Add(true, 2, false, [3, 4]));
        Assert.Equal(new byte[] { 3, 4 }, reassembler.Message.ToArray());
    }

    [Fact]
    public void Accepts_a_message_of_exactly_the_cap()
    {
        var reassembler = new EapTlsReassembler(maxMessageLength: 10);
        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(true, 10, true, new byte[6]));
        Assert.Equal(EapTlsReassemblyResult.Complete, reassembler.Add(false, 0, false, new byte[4]));
        Assert.Equal(EapTlsReassemblyResult.DeclaredLengthTooLarge, reassembler.Add(true, 11, true, new byte[6]));
    }

    [Fact]
    public void A_declared_length_does_not_allocate_memory_before_the_data_arrives()
    {
        var reassembler = new EapTlsReassembler(maxMessageLength: 16 * 1024 * 1024);
        reassembler.Add(false, 0, false, [0]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(EapTlsReassemblyResult.NeedMoreFragments, reassembler.Add(true, 16 * 1024 * 1024, true, [1, 2, 3]));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes for 3 bytes of data");
    }
}
