using System.Text;
using AngleSharp.Dom;

namespace Veille.Html.Internals;

/// <summary>Finds the main content of a parsed page and writes it as paragraphs.</summary>
/// <remarks>Three passes over the body: remove boilerplate elements; measure text, link text and paragraph scores bottom-up; pick the best container (plus qualifying siblings) and write its blocks, dropping link lists and negative-class blocks.</remarks>
internal static class ContentExtractor
{
    private const int MinParagraphChars = 25;

    private static readonly HashSet<string> RemovedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "nav", "aside", "footer",
        "header", "button", "select", "input", "textarea", "option", "menu", "dialog", "link", "meta", "head", "map", "audio", "video", "picture", "img",
    };

    private static readonly HashSet<string> RemovedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "complementary", "contentinfo", "menu", "menubar", "search", "dialog", "alertdialog", "toolbar",
    };

    private static readonly HashSet<string> ParagraphTags = new(StringComparer.OrdinalIgnoreCase) { "p", "pre", "blockquote", "td", "dd", "li" };

    private static readonly HashSet<string> DivLikeTags = new(StringComparer.OrdinalIgnoreCase) { "div", "section", "article", "main", "font", "center", "span", "body" };

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

        RemoveBoilerplate(body, 0);
        var measure = new Measure();
        measure.Run(body);
        IElement top = measure.SelectTop(body);
        List<IElement> parts = measure.WithSiblings(top);
        var writer = new BlockWriter(measure);
        foreach (IElement part in parts)
        {
            writer.Write(part, 0);
        }

        return writer.ToString();
    }

    private static void RemoveBoilerplate(IElement element, int depth)
    {
        IElement? child = element.FirstElementChild;
        while (child is not null)
        {
            IElement? next = child.NextElementSibling;
            if (depth >= HtmlExtractor.MaxDepth || IsBoilerplate(child))
            {
                child.Remove();
            }
            else
            {
                RemoveBoilerplate(child, depth + 1);
            }

            child = next;
        }
    }

    private static bool IsBoilerplate(IElement element)
    {
        string tag = element.LocalName;
        if (RemovedTags.Contains(tag))
        {
            return true;
        }

        if (element.HasAttribute("hidden"))
        {
            return true;
        }

        string? style = element.GetAttribute("style");
        if (style is not null && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        string? role = element.GetAttribute("role");
        if (role is not null && RemovedRoles.Contains(role))
        {
            return true;
        }

        if (tag is "article" or "main" or "body" or "html" or "td" or "tr" or "table" or "tbody")
        {
            return false;
        }

        string classAndId = BoilerplatePatterns.ClassAndId(element);
        return classAndId.Length > 0 && BoilerplatePatterns.Unlikely().IsMatch(classAndId) && !BoilerplatePatterns.MaybeCandidate().IsMatch(classAndId);
    }

    /// <summary>Per-element text measures and readability scores.</summary>
    internal sealed class Measure
    {
        private readonly Dictionary<IElement, Stats> stats = new(ReferenceEqualityComparer.Instance);
        private readonly List<IElement> candidates = [];

        internal sealed class Stats
        {
            public int TextChars;
            public int LinkChars;
            public int Commas;
            public int DirectTextChars;
            public double Score;
            public bool IsCandidate;
            public int Weight;
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
            return value.IsCandidate ? value.Score * (1 - LinkDensity(element)) : 0;
        }

        public void Run(IElement body)
        {
            Visit(body, 0, inLink: false);
        }

        private Stats Visit(IElement element, int depth, bool inLink)
        {
            var value = new Stats();
            stats[element] = value;
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
                    value.Commas += childStats.Commas;
                }
                else if (node.NodeType == NodeType.Text)
                {
                    string data = node.TextContent;
                    int chars = 0;
                    int commas = 0;
                    foreach (char c in data)
                    {
                        if (!char.IsWhiteSpace(c))
                        {
                            chars++;
                            if (c is ',' or '，' or '、' or '،')
                            {
                                commas++;
                            }
                        }
                    }

                    value.TextChars += chars;
                    value.DirectTextChars += chars;
                    value.Commas += commas;
                    if (isLink)
                    {
                        value.LinkChars += chars;
                    }
                }
            }

            if (IsParagraph(element, value) && value.TextChars >= MinParagraphChars)
            {
                double score = 1 + value.Commas + Math.Min(value.TextChars / 100, 3);
                int level = 0;
                for (IElement? ancestor = element.ParentElement; ancestor is not null && level < 5; ancestor = ancestor.ParentElement, level++)
                {
                    if (!stats.TryGetValue(ancestor, out Stats? ancestorStats))
                    {
                        break;
                    }

                    if (!ancestorStats.IsCandidate)
                    {
                        ancestorStats.IsCandidate = true;
                        ancestorStats.Weight = BoilerplatePatterns.ClassWeight(BoilerplatePatterns.ClassAndId(ancestor));
                        ancestorStats.Score = TagWeight(ancestor.LocalName) + ancestorStats.Weight;
                        candidates.Add(ancestor);
                    }

                    ancestorStats.Score += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
                }
            }

            return value;
        }

        private static bool IsParagraph(IElement element, Stats value) =>
            ParagraphTags.Contains(element.LocalName) || (DivLikeTags.Contains(element.LocalName) && value.DirectTextChars >= MinParagraphChars);

        private static int TagWeight(string tag) => tag switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };

        public IElement SelectTop(IElement body)
        {
            IElement? best = null;
            double bestScore = 0;
            foreach (IElement candidate in candidates)
            {
                double score = FinalScore(candidate);
                if (score > bestScore)
                {
                    best = candidate;
                    bestScore = score;
                }
            }

            if (best is null)
            {
                return body;
            }

            // A container that holds most of the paragraphs beats one of its children holding only a few (Readability's parent walk).
            IElement top = best;
            for (IElement? parent = top.ParentElement; parent is not null && parent.LocalName != "html"; parent = parent.ParentElement)
            {
                double parentScore = FinalScore(parent);
                if (parentScore < bestScore / 3)
                {
                    break;
                }

                if (parentScore > FinalScore(top))
                {
                    top = parent;
                }
            }

            return top;
        }

        public List<IElement> WithSiblings(IElement top)
        {
            IElement? parent = top.ParentElement;
            if (parent is null || top.LocalName == "body")
            {
                return [top];
            }

            double threshold = Math.Max(10, FinalScore(top) * 0.2);
            string topClass = top.GetAttribute("class") ?? string.Empty;
            var parts = new List<IElement>();
            foreach (IElement sibling in parent.Children)
            {
                if (sibling == top)
                {
                    parts.Add(sibling);
                    continue;
                }

                double bonus = topClass.Length > 0 && sibling.GetAttribute("class") == topClass ? FinalScore(top) * 0.2 : 0;
                if (FinalScore(sibling) + bonus >= threshold)
                {
                    parts.Add(sibling);
                    continue;
                }

                if (sibling.LocalName == "p")
                {
                    Stats value = Of(sibling);
                    double linkDensity = LinkDensity(sibling);
                    if ((value.TextChars > 80 && linkDensity < 0.25) || (value.TextChars > 0 && linkDensity == 0 && sibling.TextContent.TrimEnd().EndsWith('.')))
                    {
                        parts.Add(sibling);
                    }
                }
            }

            return parts;
        }
    }

    /// <summary>Writes blocks as paragraphs separated by blank lines, collapsing white space.</summary>
    private sealed class BlockWriter(Measure measure)
    {
        private readonly StringBuilder output = new();
        private readonly StringBuilder paragraph = new();
        private bool pendingSpace;

        public void Write(IElement element, int depth)
        {
            if (depth > HtmlExtractor.MaxDepth || IsDropped(element))
            {
                return;
            }

            string tag = element.LocalName;
            bool block = BlockTags.Contains(tag);
            if (block)
            {
                Flush();
            }

            bool pre = tag == "pre";
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

            if (block)
            {
                Flush();
            }
        }

        private bool IsDropped(IElement element)
        {
            string tag = element.LocalName;
            if (tag is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "pre" or "blockquote" or "td" or "tr" or "body" or "a" or "b" or "i" or "em" or "strong" or "span")
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

            if (linkDensity > 0.5 && (tag is "ul" or "ol" or "div" or "section" or "table" or "dl" or "li" or "nav" or "form"))
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
                if (output.Length > 0)
                {
                    output.Append("\n\n");
                }

                output.Append(paragraph, 0, length);
            }

            paragraph.Clear();
            pendingSpace = false;
        }

        public override string ToString()
        {
            Flush();
            return output.ToString();
        }
    }
}
