using System.Collections.Immutable;

namespace CivicData.Web.Ckan.Search;

/// <summary>A node of the Solr query subset CKAN clients send in <c>q</c> and <c>fq</c> (ckan.md §4.4).</summary>
internal abstract record SolrNode;

/// <summary><c>field:value</c>, <c>field:"quoted value"</c>, or a bare word (<see cref="Field"/> null).</summary>
internal sealed record SolrTerm(string? Field, string Value, bool Prefix) : SolrNode;

/// <summary><c>field:[from TO to]</c> (inclusive ends) or <c>{from TO to}</c> (exclusive); <c>*</c> is an open end (null).</summary>
internal sealed record SolrRange(string Field, string? From, string? To, bool FromInclusive, bool ToInclusive) : SolrNode;

/// <summary><c>-clause</c> or <c>NOT clause</c>.</summary>
internal sealed record SolrNot(SolrNode Operand) : SolrNode;

/// <summary>Clauses that must all hold (whitespace or <c>AND</c> between them).</summary>
internal sealed record SolrAnd(ImmutableArray<SolrNode> Operands) : SolrNode;

/// <summary>Clauses of which one must hold.</summary>
internal sealed record SolrOr(ImmutableArray<SolrNode> Operands) : SolrNode;

/// <summary><c>*:*</c>, everything.</summary>
internal sealed record SolrMatchAll : SolrNode;
