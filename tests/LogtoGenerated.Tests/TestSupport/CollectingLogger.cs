using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LogtoGenerated.Tests.TestSupport;

/// <summary>Collects every log event (formatted message and exception text) so tests can inspect what was logged.</summary>
public sealed class CollectingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<(LogLevel Level, EventId Id, string Text)> _events = new();

    public IReadOnlyList<(LogLevel Level, EventId Id, string Text)> Events => [.. _events];

    /// <summary>Everything logged, messages and exceptions, as one text.</summary>
    public string AllText => string.Join(Environment.NewLine, _events.Select(e => e.Text));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private sealed class Logger(CollectingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string text = formatter(state, exception) + (exception is null ? "" : Environment.NewLine + exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                text += Environment.NewLine + string.Join("; ", properties.Select(p => p.Key + "=" + p.Value));
            }

            owner._events.Enqueue((logLevel, eventId, text));
        }
    }
}
