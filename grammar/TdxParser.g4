// Parser for .tdx files. The grammar is deliberately generic: block kinds and
// keys are identifiers, checked against the schema in sema, so that a typo gets
// "did you mean" instead of a syntax error. Every construct is delimited
// (braces, brackets, keywords), which gives the error recovery sync points.
// Rules that could nest without brackets ('!', 'else if') are written as
// repetitions, not recursion, so adversarial input cannot overflow the stack.
parser grammar TdxParser;

options { tokenVocab = TdxLexer; }

file       : topLevel* EOF ;
topLevel   : importDecl | constDecl | varDecl | imageDecl | moduleDecl ;

importDecl : IMPORT string ;
constDecl  : CONST IDENT (COLON typeExpr)? ASSIGN expr ;
varDecl    : VAR IDENT (COLON typeExpr)? (ASSIGN expr)? ;
imageDecl  : IMAGE string body ;
moduleDecl : MODULE IDENT LBRACE moduleMember* RBRACE ;

moduleMember : paramDecl | member ;
paramDecl  : PARAM IDENT COLON typeExpr (ASSIGN expr)? (COMMA | SEMI)? ;

body       : LBRACE member* RBRACE ;
member     : (assignment | block | useBlock | ifBlock | assertion) (COMMA | SEMI)? ;
assertion  : ASSERT expr COMMA expr ;
assignment : IDENT op=(ASSIGN | PLUS_ASSIGN) expr ;
block      : IDENT string? body ;
useBlock   : USE IDENT string? body ;
ifBlock    : IF expr body (ELSE IF expr body)* (ELSE body)? ;

// Binary operators are one flat list; the AST builder applies precedence
// ('+' before comparisons before '&&' before '||'). A rule per precedence
// level would wrap every value in four more parse-tree nodes.
expr       : unaryExpr (binaryOp unaryExpr)* ;
binaryOp   : OROR | ANDAND | EQ | NEQ | LT | GT | LE | GE | PLUS ;
unaryExpr  : BANG* primary ;
primary    : string                              # stringExpr
           | INT                                 # intExpr
           | (TRUE | FALSE)                      # boolExpr
           | IDENT LPAREN (expr (COMMA expr)* COMMA?)? RPAREN  # callExpr
           | IDENT                               # refExpr
           | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK   # listExpr
           | LBRACE (mapEntry ((COMMA | SEMI)? mapEntry)* (COMMA | SEMI)?)? RBRACE  # mapExpr
           | LPAREN expr RPAREN                  # parenExpr
           ;
mapEntry   : key=(IDENT | STRING) ASSIGN expr ;
string     : STRING | RAW_STRING | UNTERMINATED_STRING | UNTERMINATED_RAW ;

// list<string>, map<int>, enum("a", "b")
typeExpr   : IDENT (LT typeExpr (COMMA typeExpr)* GT | LPAREN string (COMMA string)* COMMA? RPAREN)? ;
