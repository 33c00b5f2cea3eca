#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "temp_folder.hpp"
#include "util/i18n.hpp"
#include "util/output_file.hpp"

using namespace coach;
namespace fs = std::filesystem;

namespace {

std::string contents(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("an output file replaces its target only when committed") {
  test::TempFolder folder;
  const fs::path target = folder.dir / "report.txt";
  std::ofstream(target) << "old";
  {
    OutputFile out(target.string());
    out.write("half a rep");
  }  // abandoned, as when grading throws
  CHECK(contents(target) == "old");
  CHECK(std::distance(fs::directory_iterator(folder.dir), fs::directory_iterator()) == 1);
  write_output_file(target.string(), "new");
  CHECK(contents(target) == "new");
}

TEST_CASE("an output file names its path when it cannot be written") {
  test::TempFolder folder;
  const std::string named = folder.dir.string() + ": ";
  CHECK_THROWS_WITH(OutputFile(folder.dir.string()), doctest::Contains(named.c_str()));
  CHECK_THROWS(OutputFile((folder.dir / "missing" / "r.txt").string()));
}

TEST_CASE("checking an output leaves it as it was, and refuses what writing would") {
  test::TempFolder folder;
  const fs::path kept = folder.dir / "rec.yaml";
  std::ofstream(kept) << "old";
  check_output_file(kept.string());
  check_output_file((folder.dir / "new.yaml").string());
  CHECK(contents(kept) == "old");
  CHECK(std::distance(fs::directory_iterator(folder.dir), fs::directory_iterator()) == 1);
  CHECK_THROWS(check_output_file(folder.dir.string()));
  CHECK_THROWS(check_output_file((folder.dir / "missing" / "rec.yaml").string()));
  if (fs::exists("/dev/full")) CHECK_THROWS(check_output_file("/dev/full"));
  check_output_file("/dev/null");
}

TEST_CASE("an output file whose name is as long as a name may be is written, and only it") {
  test::TempFolder folder;
  std::string chinese;  // 83 × 3 bytes + ".yaml": 254 bytes, under NAME_MAX
  for (int i = 0; i < 83; ++i) chinese += "录";
  for (const std::string& name : {chinese + ".yaml", std::string(255, 'r')}) {
    CAPTURE(name.size());
    const fs::path target = folder.dir / name;
    write_output_file(target.string(), "new");
    CHECK(contents(target) == "new");
    check_output_file(target.string());
    {
      OutputFile abandoned(target.string());
      abandoned.write("half");
    }
    CHECK(contents(target) == "new");
    fs::remove(target);
    CHECK(fs::is_empty(folder.dir));  // no temporary file left beside it
  }
}

TEST_CASE("an output that may not wait fails at once on a FIFO nobody reads, and fills one read") {
  test::TempFolder folder;
  const fs::path fifo = folder.dir / "rec.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const Language before = language();
  set_language(Language::en);
  // Without a reader, opening waits for ever when allowed to; here it must fail instead.
  CHECK_THROWS_WITH(write_output_file(fifo.string(), "a", OutputFile::Waiting::never),
                    doctest::Contains("cannot write: no program is reading this pipe"));
  set_language(before);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  write_output_file(fifo.string(), "transcript", OutputFile::Waiting::never);
  char got[32] = {};
  CHECK(::read(reader, got, sizeof got) == 10);
  CHECK(std::string(got) == "transcript");
  ::close(reader);
  CHECK(fs::is_fifo(fifo));  // written into, never replaced
}

TEST_CASE("a claimed new file never replaces one that is there") {
  // Outside pass 32, finding 01: two sessions in the same second with the same process id (PID 1
  // in a container) wrote one transcript over the other.
  test::TempFolder folder;
  std::ofstream(folder.dir / "s.yaml") << "earlier";
  const std::string second = claim_new_file(folder.dir.string(), "s", ".yaml");
  CHECK(second == (folder.dir / "s-2.yaml").string());
  CHECK(claim_new_file(folder.dir.string(), "s", ".yaml") == (folder.dir / "s-3.yaml").string());
  CHECK(contents(folder.dir / "s.yaml") == "earlier");
  CHECK(fs::file_size(second) == 0);
  // A folder that cannot hold it gives the plain name, whose write then says why.
  CHECK(claim_new_file((folder.dir / "missing").string(), "s", ".yaml") ==
        (folder.dir / "missing" / "s.yaml").string());
}
