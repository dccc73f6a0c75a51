// Parser for .tdx files. The grammar is deliberately generic: block kinds and
// keys are identifiers, checked against the schema in sema, so that a typo gets
// "did you mean" instead of a syntax error. Every construct is delimited
// (braces, brackets, keywords), which gives the error recovery sync points.
parser grammar TdxParser;

options { tokenVocab = TdxLexer; }

file       : topLevel* EOF ;
topLevel   : importDecl | constDecl | varDecl | imageDecl ;

importDecl : IMPORT string ;
constDecl  : CONST IDENT (COLON typeExpr)? ASSIGN expr ;
varDecl    : VAR IDENT (COLON typeExpr)? (ASSIGN expr)? ;
imageDecl  : IMAGE string body ;

body       : LBRACE member* RBRACE ;
member     : (assignment | block) (COMMA | SEMI)? ;
assignment : IDENT op=(ASSIGN | PLUS_ASSIGN) expr ;
block      : IDENT string? body ;

expr       : primary (PLUS primary)* ;
primary    : string                              # stringExpr
           | INT                                 # intExpr
           | (TRUE | FALSE)                      # boolExpr
           | IDENT                               # refExpr
           | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK   # listExpr
           | LBRACE (mapEntry ((COMMA | SEMI)? mapEntry)* (COMMA | SEMI)?)? RBRACE  # mapExpr
           | LPAREN expr RPAREN                  # parenExpr
           ;
mapEntry   : key=(IDENT | STRING) ASSIGN expr ;
string     : STRING | RAW_STRING | UNTERMINATED_STRING | UNTERMINATED_RAW ;

typeExpr   : IDENT (LT typeExpr (COMMA typeExpr)* GT)? ;
