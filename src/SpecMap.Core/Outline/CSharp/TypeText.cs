using System.Text;
using Microsoft.CodeAnalysis;

namespace SpecMap.Core.Outline.CSharp;

/// <summary>Writes a type (or name) the way signatures show it: `Func&lt;T,object?&gt;`, `List&lt;(string Locale,string Value)&gt;`.</summary>
/// <remarks>
/// The relocation benchmark writes types as in the source but without the blanks after commas; building the text
/// from tokens gives that whatever the source's spacing, comments or line breaks. A blank is kept only between two
/// word-like tokens (a tuple element's type and name).
/// </remarks>
internal static class TypeText
{
    public static string Of(SyntaxNode node)
    {
        var text = new StringBuilder();
        foreach (var token in node.DescendantTokens())
        {
            var piece = token.Text;
            if (piece.Length == 0)
            {
                continue;
            }
            if (text.Length > 0 && IsWordChar(text[^1]) && IsWordChar(piece[0]))
            {
                text.Append(' ');
            }
            text.Append(piece);
        }
        return text.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '@';
}
