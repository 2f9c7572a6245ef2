using System.Text;
using AngleSharp.Dom;

namespace Veille.Html.Internals;

/// <summary>Finds the main content of a parsed page and writes it as paragraphs.</summary>
/// <remarks>Passes over the body: measure; remove boilerplate elements (tags, roles, hidden, class patterns); measure again bottom-up; pick the element with the most good minus bad text; write its blocks, dropping link lists and negative-class boxes.</remarks>
internal static class ContentExtractor
{
    private const int MinParagraphChars = 25;

    /// <summary>Elements whose text is never content.</summary>
    private static readonly HashSet<string> RemovedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "svg", "canvas", "iframe", "object", "embed", "button", "select", "input", "textarea", "option", "dialog", "link", "meta", "head", "map",
    };

    /// <summary>Elements removed unless broken markup made them swallow the article (an unclosed &lt;header&gt;, &lt;audio&gt; or &lt;noscript&gt;).</summary>
    private static readonly HashSet<string> LayoutTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "aside", "footer", "header", "menu", "noscript", "audio", "video", "picture", "img",
    };

    private static readonly HashSet<string> RemovedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "complementary", "contentinfo", "menu", "menubar", "search", "dialog", "alertdialog", "toolbar",
    };

    /// <summary>Elements that end the current paragraph when they open or close.</summary>
    internal static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "thead", "tbody",
        "tfoot", "caption", "blockquote", "pre", "figure", "figcaption", "address", "hr", "header", "footer", "form", "fieldset", "details", "summary", "center",
    };

    /// <summary>Extracts the main text of <paramref name="document"/>; mutates the document (removes boilerplate).</summary>
    public static string Extract(IDocument document)
    {
        IElement? body = document.Body;
        if (body is null)
        {
            return string.Empty;
        }

        var raw = new Measure();
        raw.Run(body);
        new BoilerplateRemover(raw, raw.Of(body).Good).Remove(body, 0);
        var measure = new Measure();
        measure.Run(body);
        var writer = new BlockWriter(measure);
        writer.Write(measure.SelectTop(body), 0);
        return writer.ToString();
    }

    /// <summary>Removes boilerplate elements, top-down; a class match spares an element holding a large share of the page's paragraph text.</summary>
    private sealed class BoilerplateRemover(Measure raw, double pageGood)
    {
        // A class match spares an element holding more than this share of the page's paragraph text.
        private const double MaxShare = 0.25;

        // Fallback content (an unclosed <audio>, a <noscript> page) with this much paragraph text is the page itself.
        private const double FallbackParagraphChars = 100;

        public void Remove(IElement element, int depth)
        {
            IElement? child = element.FirstElementChild;
            while (child is not null)
            {
                IElement? next = child.NextElementSibling;
                if (depth >= HtmlExtractor.MaxDepth || IsBoilerplate(child, raw.Of(child).Good))
                {
                    child.Remove();
                }
                else
                {
                    Remove(child, depth + 1);
                }

                child = next;
            }
        }

        private bool IsBoilerplate(IElement element, double good)
        {
            string tag = element.LocalName;
            if (RemovedTags.Contains(tag))
            {
                return true;
            }

            string? role = element.GetAttribute("role");
            string? style = element.GetAttribute("style");
            bool layout = LayoutTags.Contains(tag)
                || element.HasAttribute("hidden")
                || (role is not null && RemovedRoles.Contains(role))
                || (style is not null && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
                    || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase)));
            if (layout)
            {
                // Fallback content normally holds a line of text, not paragraphs.
                return !HoldsArticle(element) && (tag is not ("noscript" or "audio" or "video" or "picture") || good < FallbackParagraphChars);
            }

            if (tag is "article" or "main" or "body" or "html" or "td" or "tr" or "table" or "tbody")
            {
                return false;
            }

            string classAndId = BoilerplatePatterns.ClassAndId(element);
            if (classAndId.Length == 0)
            {
                return false;
            }

            bool unlikely = BoilerplatePatterns.AlwaysBoilerplate().IsMatch(classAndId)
                || (BoilerplatePatterns.Unlikely().IsMatch(classAndId) && !BoilerplatePatterns.MaybeCandidate().IsMatch(classAndId));

            // A layout class ("Layout--sidebarPosition-end") must not take the article with it.
            return unlikely && good <= pageGood * MaxShare && !HoldsArticle(element);
        }

        private static bool HoldsArticle(IElement element) => element.QuerySelector("article, main, [role=main], h1") is not null;
    }

    /// <summary>Per-element text measures: total and link characters, and the good and bad text mass of the blocks inside.</summary>
    /// <remarks>Each block (a <see cref="BlockTags"/> element or table cell) is judged on its own inline text: link-dense text is bad, a long low-link block is good (its link text bad), a short one counts a little against. The container is the element with the most good minus bad text.</remarks>
    internal sealed class Measure
    {
        // A short block (a date, a label) counts this much of its length against its container.
        private const double ShortBlockPenalty = 0.3;

        // A block with more link text than this share of its text is navigation.
        private const double LinkDenseBlock = 0.5;

        // Bad text weighs as much as good text.
        private const double BadWeight = 1;

        // A child of the best container holding this share of its good text replaces it.
        private const double NarrowShare = 0.95;
        private readonly Dictionary<IElement, Stats> stats = new(ReferenceEqualityComparer.Instance);
        private readonly List<IElement> order = [];

        internal sealed class Stats
        {
            public int TextChars;
            public int LinkChars;
            public int InlineChars;
            public int InlineLinkChars;
            public double Good;
            public double Bad;
        }

        public Stats Of(IElement element) => stats.TryGetValue(element, out Stats? value) ? value : new Stats();

        public double LinkDensity(IElement element)
        {
            Stats value = Of(element);
            return value.TextChars == 0 ? 0 : (double)value.LinkChars / value.TextChars;
        }

        public double FinalScore(IElement element)
        {
            Stats value = Of(element);
            return value.Good - (BadWeight * value.Bad);
        }

        public void Run(IElement body)
        {
            Visit(body, 0, inLink: false);
        }

        private Stats Visit(IElement element, int depth, bool inLink)
        {
            var value = new Stats();
            stats[element] = value;
            order.Add(element);
            bool isLink = inLink || element.LocalName == "a";
            for (INode? node = element.FirstChild; node is not null; node = node.NextSibling)
            {
                if (node is IElement child)
                {
                    if (depth >= HtmlExtractor.MaxDepth)
                    {
                        continue;
                    }

                    Stats childStats = Visit(child, depth + 1, isLink);
                    value.TextChars += childStats.TextChars;
                    value.LinkChars += childStats.LinkChars;
                    value.Good += childStats.Good;
                    value.Bad += childStats.Bad;
                    value.InlineChars += childStats.InlineChars;
                    value.InlineLinkChars += childStats.InlineLinkChars;
                }
                else if (node.NodeType == NodeType.Text)
                {
                    int chars = 0;
                    foreach (char c in node.TextContent)
                    {
                        chars += char.IsWhiteSpace(c) ? 0 : 1;
                    }

                    value.TextChars += chars;
                    value.InlineChars += chars;
                    if (isLink)
                    {
                        value.LinkChars += chars;
                        value.InlineLinkChars += chars;
                    }
                }
            }

            if (IsBlock(element) && value.InlineChars > 0)
            {
                int chars = value.InlineChars;
                int links = value.InlineLinkChars;
                if (links > chars * LinkDenseBlock)
                {
                    value.Bad += chars;
                }
                else if (chars >= MinParagraphChars)
                {
                    value.Good += chars - links;
                    value.Bad += links;
                }
                else
                {
                    value.Bad += chars * ShortBlockPenalty;
                }

                value.InlineChars = 0;
                value.InlineLinkChars = 0;
            }

            return value;
        }

        private static bool IsBlock(IElement element) => BlockTags.Contains(element.LocalName) || element.LocalName is "td" or "th" or "body";

        public IElement SelectTop(IElement body)
        {
            IElement best = body;
            double bestScore = double.MinValue;
            foreach (IElement element in order)
            {
                // Document order visits a parent before its children, so ">=" lets the deepest of equal containers win.
                double score = FinalScore(element);
                if (score >= bestScore)
                {
                    best = element;
                    bestScore = score;
                }
            }

            // Narrow to a child holding nearly all of the good text: what the parent adds is mostly trailers (newsletter boxes, author notes).
            for (bool narrowed = true; narrowed;)
            {
                narrowed = false;
                double good = Of(best).Good;
                foreach (IElement child in best.Children)
                {
                    if (good > 0 && Of(child).Good >= good * NarrowShare)
                    {
                        best = child;
                        narrowed = true;
                        break;
                    }
                }
            }

            return best;
        }
    }

    /// <summary>Writes blocks as paragraphs separated by blank lines, collapsing white space.</summary>
    private sealed class BlockWriter(Measure measure)
    {
        // Inside the container, a list, paragraph or box with more link text than this share is dropped.
        private const double DropLinkDensity = 0.35;
        // A paragraph this short without a full stop is a label ("Read also:") that introduces what follows.
        private const int LabelChars = 60;

        private const int TrailingLabelChars = 100;

        private readonly StringBuilder output = new();
        private readonly StringBuilder paragraph = new();
        private bool pendingSpace;

        // Where the last heading or label starts in the output, while nothing but that heading followed it; else -1.
        private int headingStart = -1;

        public void Write(IElement element, int depth)
        {
            if (depth > HtmlExtractor.MaxDepth)
            {
                return;
            }

            if (IsDropped(element))
            {
                // "Related articles" headings and "Read also:" labels introduce the link list just dropped.
                if (headingStart >= 0 && paragraph.Length == 0)
                {
                    output.Length = headingStart;
                    headingStart = -1;
                }

                return;
            }

            string tag = element.LocalName;
            if (tag is "h2" or "h3" or "h4" or "h5" or "h6")
            {
                Flush();
                int start = output.Length;
                WriteChildren(element, depth);
                Flush();
                headingStart = output.Length > start ? start : headingStart;
                return;
            }

            bool block = BlockTags.Contains(tag);
            if (block)
            {
                Flush();
            }

            WriteChildren(element, depth);
            if (block)
            {
                Flush();
            }
        }

        private void WriteChildren(IElement element, int depth)
        {
            bool pre = element.LocalName == "pre";
            for (INode? node = element.FirstChild; node is not null; node = node.NextSibling)
            {
                if (node is IElement child)
                {
                    switch (child.LocalName)
                    {
                        case "br":
                            LineBreak();
                            break;
                        case "td" or "th":
                            pendingSpace = true;
                            Write(child, depth + 1);
                            pendingSpace = true;
                            break;
                        default:
                            Write(child, depth + 1);
                            break;
                    }
                }
                else if (node.NodeType == NodeType.Text)
                {
                    Append(node.TextContent, pre);
                }
            }
        }

        private bool IsDropped(IElement element)
        {
            string tag = element.LocalName;
            if (tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "pre" or "td" or "tr" or "body" or "a" or "b" or "i" or "em" or "strong" or "span")
            {
                return false;
            }

            Measure.Stats value = measure.Of(element);
            if (value.TextChars == 0)
            {
                return false;
            }

            double linkDensity = measure.LinkDensity(element);
            int weight = BoilerplatePatterns.ClassWeight(BoilerplatePatterns.ClassAndId(element));
            if (weight < 0 && value.TextChars < 1000)
            {
                return true;
            }

            if (linkDensity > DropLinkDensity && (tag is "ul" or "ol" or "div" or "section" or "table" or "dl" or "li" or "nav" or "form" or "p" or "blockquote"))
            {
                return true;
            }

            return false;
        }

        private void Append(string text, bool pre)
        {
            foreach (char c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (pre && c == '\n')
                    {
                        LineBreak();
                    }
                    else
                    {
                        pendingSpace = true;
                    }
                }
                else
                {
                    if (pendingSpace && paragraph.Length > 0 && paragraph[^1] != '\n')
                    {
                        paragraph.Append(' ');
                    }

                    pendingSpace = false;
                    paragraph.Append(c);
                }
            }
        }

        private void LineBreak()
        {
            if (paragraph.Length > 0 && paragraph[^1] != '\n')
            {
                paragraph.Append('\n');
            }

            pendingSpace = false;
        }

        private void Flush()
        {
            int length = paragraph.Length;
            while (length > 0 && paragraph[length - 1] == '\n')
            {
                length--;
            }

            if (length > 0)
            {
                int start = output.Length;
                if (output.Length > 0)
                {
                    output.Append("\n\n");
                }

                output.Append(paragraph, 0, length);
                char last = paragraph[length - 1];
                headingStart = length <= LabelChars && last is not ('.' or '!' or '?') ? start : -1;
            }

            paragraph.Clear();
            pendingSpace = false;
        }

        public override string ToString()
        {
            Flush();
            TrimTrailingLabels();
            return output.ToString();
        }

        // Short lines without a full stop after the last paragraph are labels of what was removed ("Related posts", "Source:", "Views:").
        private void TrimTrailingLabels()
        {
            while (output.Length > 0)
            {
                int start = LastParagraphStart();
                int length = output.Length - start;
                char last = output[^1];
                if (start == 0 || length > TrailingLabelChars || last is '.' or '!' or '?' or '"' or '”' or '»' or ')')
                {
                    return;
                }

                output.Length = Math.Max(0, start - 2);
            }
        }

        private int LastParagraphStart()
        {
            for (int index = output.Length - 1; index > 0; index--)
            {
                if (output[index] == '\n' && output[index - 1] == '\n')
                {
                    return index + 1;
                }
            }

            return 0;
        }
    }
}
