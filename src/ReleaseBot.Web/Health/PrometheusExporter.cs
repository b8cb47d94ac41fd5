using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using ReleaseBot.Core.Health;

namespace ReleaseBot.Web.Health;

/// <summary>
/// Listens to the <c>ReleaseBot</c> meter and writes what it has seen since it started in the Prometheus text
/// exposition format (https://prometheus.io/docs/instrumenting/exposition_formats/): counters as <c>_total</c>,
/// gauges as their last value, histograms as cumulative buckets with <c>_sum</c> and <c>_count</c>. Written here
/// rather than taken from a package: the format is a few lines, and the build stays without new dependencies.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>Bucket bounds in seconds: sub-millisecond commands up to a minute-long poll.</summary>
    private static readonly double[] Bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, ConcurrentDictionary<string, Series>> _series = new();

    public PrometheusExporter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ReleaseBotMetrics.MeterName)
            {
                _series.TryAdd(instrument, new ConcurrentDictionary<string, Series>(StringComparer.Ordinal));
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The exposition text of every instrument, ordered by name.</summary>
    public string Write()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var (instrument, series) in _series.OrderBy(p => p.Key.Name, StringComparer.Ordinal))
        {
            var kind = Kind(instrument);
            var name = Name(instrument, kind);
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {Escape(instrument.Description ?? instrument.Name, label: false)}\n");
            text.Append(CultureInfo.InvariantCulture, $"# TYPE {name} {kind}\n");
            if (series.IsEmpty && kind == "counter")
            {
                text.Append(CultureInfo.InvariantCulture, $"{name} 0\n");
            }

            foreach (var (labels, value) in series.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                value.WriteTo(text, name, labels);
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!_series.TryGetValue(instrument, out var all))
        {
            return;
        }

        var labels = Labels(tags);
        var series = all.GetOrAdd(labels, _ => Kind(instrument) == "histogram" ? new HistogramSeries(Bounds) : new ValueSeries());
        series.Add(value, isGauge: Kind(instrument) == "gauge");
    }

    private static string Kind(Instrument instrument) => instrument switch
    {
        Histogram<double> or Histogram<long> => "histogram",
        Gauge<long> or Gauge<double> or ObservableGauge<long> or ObservableGauge<double>
            or UpDownCounter<long> or UpDownCounter<double> => "gauge",
        _ => "counter",
    };

    /// <summary><c>releasebot.send.duration</c> in <c>s</c> → <c>releasebot_send_duration_seconds</c>; counters end in <c>_total</c>.</summary>
    private static string Name(Instrument instrument, string kind)
    {
        var name = new string([.. instrument.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        if (instrument.Unit == "s")
        {
            name += "_seconds";
        }

        return kind == "counter" ? name + "_total" : name;
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return string.Empty;
        }

        var pairs = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            pairs.Add($"{tag.Key}=\"{Escape(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty, label: true)}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    private static string Escape(string text, bool label)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return label ? escaped.Replace("\"", "\\\"", StringComparison.Ordinal) : escaped;
    }

    internal static string Number(double value) => double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    private abstract class Series
    {
        public abstract void Add(double value, bool isGauge);

        public abstract void WriteTo(StringBuilder text, string name, string labels);

        protected static string Braces(string labels) => labels.Length == 0 ? string.Empty : "{" + labels + "}";
    }

    private sealed class ValueSeries : Series
    {
        private readonly Lock _lock = new();
        private double _value;

        public override void Add(double value, bool isGauge)
        {
            lock (_lock)
            {
                _value = isGauge ? value : _value + value;
            }
        }

        public override void WriteTo(StringBuilder text, string name, string labels)
        {
            lock (_lock)
            {
                text.Append(CultureInfo.InvariantCulture, $"{name}{Braces(labels)} {Number(_value)}\n");
            }
        }
    }

    private sealed class HistogramSeries(double[] bounds) : Series
    {
        private readonly Lock _lock = new();
        private readonly long[] _counts = new long[bounds.Length + 1];
        private double _sum;
        private long _count;

        public override void Add(double value, bool isGauge)
        {
            lock (_lock)
            {
                var i = Array.FindIndex(bounds, b => value <= b);
                _counts[i < 0 ? bounds.Length : i]++;
                _sum += value;
                _count++;
            }
        }

        public override void WriteTo(StringBuilder text, string name, string labels)
        {
            lock (_lock)
            {
                var prefix = labels.Length == 0 ? string.Empty : labels + ",";
                long cumulative = 0;
                for (var i = 0; i <= bounds.Length; i++)
                {
                    cumulative += _counts[i];
                    var le = i < bounds.Length ? Number(bounds[i]) : "+Inf";
                    text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"{le}\"}} {cumulative}\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"{name}_sum{Braces(labels)} {Number(_sum)}\n");
                text.Append(CultureInfo.InvariantCulture, $"{name}_count{Braces(labels)} {_count}\n");
            }
        }
    }
}
