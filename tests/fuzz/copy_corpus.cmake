# cmake -DSRC=<seed corpus> -DDST=<work corpus> -P copy_corpus.cmake
# Replaces DST with a fresh copy of SRC, so each smoke run starts from the seeds.
if(NOT SRC OR NOT DST)
  message(FATAL_ERROR "usage: cmake -DSRC=<dir> -DDST=<dir> -P copy_corpus.cmake")
endif()
file(REMOVE_RECURSE "${DST}")
file(MAKE_DIRECTORY "${DST}")
file(GLOB _seeds "${SRC}/*")
file(COPY ${_seeds} DESTINATION "${DST}")
