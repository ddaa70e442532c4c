using Simulation.Model.Input;

namespace Simulation.Model.Gravity;

/// <summary>
/// Passes text through and stops with an <see cref="InvalidInputException"/> once more than a set number of
/// characters has been read, so that a huge or endless input (a pipe, a wrong file) cannot exhaust memory.
/// Does not own the inner reader.
/// </summary>
internal sealed class BoundedTextReader(TextReader inner, long maxChars, string fileName) : TextReader
{
    private long _read;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0)
        {
            Count(1);
        }
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Count(inner.Read(buffer, index, count));

    public override int Read(Span<char> buffer) => Count(inner.Read(buffer));

    public override async Task<int> ReadAsync(char[] buffer, int index, int count) =>
        Count(await inner.ReadAsync(buffer, index, count).ConfigureAwait(false));

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
        _read += read;
        if (_read > maxChars)
        {
            throw new InvalidInputException([
                new InputError(fileName, null, null, "", $"input too large: more than {maxChars} characters"),
            ]);
        }
        return read;
    }
}
