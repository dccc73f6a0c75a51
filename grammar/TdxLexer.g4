// Lexer for .tdx files. Malformed input never makes the lexer fail: unterminated
// strings and comments and stray characters become tokens of their own, and the
// AST builder turns them into precise diagnostics.
lexer grammar TdxLexer;

// COMMENT keeps ordinary comments for the formatter; the parser never sees them.
channels { DOC, BAD, COMMENT }

IMPORT : 'import' ;
CONST  : 'const' ;
VAR    : 'var' ;
IMAGE  : 'image' ;
MODULE : 'module' ;
PARAM  : 'param' ;
USE    : 'use' ;
IF     : 'if' ;
ELSE   : 'else' ;
ASSERT : 'assert' ;
TRUE   : 'true' ;
FALSE  : 'false' ;

LBRACE      : '{' ;
RBRACE      : '}' ;
LBRACK      : '[' ;
RBRACK      : ']' ;
LPAREN      : '(' ;
RPAREN      : ')' ;
LT          : '<' ;
GT          : '>' ;
COMMA       : ',' ;
SEMI        : ';' ;
COLON       : ':' ;
PLUS_ASSIGN : '+=' ;
EQ          : '==' ;
LE          : '<=' ;
GE          : '>=' ;
NEQ         : '!=' ;
ANDAND      : '&&' ;
OROR        : '||' ;
ASSIGN      : '=' ;
PLUS        : '+' ;
BANG        : '!' ;

IDENT : [A-Za-z_] [A-Za-z0-9_]* ;
INT   : '-'? [0-9]+ ;

// """...""": multi-line, no escapes, no interpolation (shell scripts keep their
// ${VAR}); the AST builder dedents it. It cannot contain three quotes in a row.
RAW_STRING            : '"""' RAW_CHAR* '"""' ;
UNTERMINATED_RAW      : '"""' RAW_CHAR* ;
fragment RAW_CHAR     : ~'"' | '"' ~'"' | '""' ~'"' ;

// "...": one line, backslash escapes and ${NAME} interpolation (checked later).
STRING                : '"' STR_CHAR* '"' ;
UNTERMINATED_STRING   : '"' STR_CHAR* ;
fragment STR_CHAR     : ~["\\\r\n] | '\\' ~[\r\n] ;

// Doc comments feed hover and docs; plain comments are kept on their own
// channel so that the formatter (frontend/tokens.h) can reproduce them.
DOC_COMMENT  : '///' ~[\r\n]* -> channel(DOC) ;
LINE_COMMENT : '//' ~[\r\n]* -> channel(COMMENT) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(COMMENT) ;
UNTERMINATED_BLOCK_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* -> channel(BAD) ;

WS : [ \t\r\n\f]+ -> skip ;

// Anything else: reported by the AST builder, invisible to the parser.
ERROR_CHAR : . -> channel(BAD) ;
