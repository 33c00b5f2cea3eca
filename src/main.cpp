#include "cli/app.hpp"

int main(int argc, char** argv) {
  return coach::cli::run(argc, argv);
}
