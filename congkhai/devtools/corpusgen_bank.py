"""Vocabulary for congkhai.corpusgen: places, names and the phrases real plans are made of.

The phrases are taken from, or modelled on, real improvement plans (a THCS in Ho Chi Minh City,
THCS Tân Sơn, TH xã Thanh An, MN Họa Mi 2, THPT Bình Phục Nhứt), so generated corpora have the
words, lengths and repetitions that search, layout and benchmarks meet in practice. Plain data:
no logic here.
"""

from __future__ import annotations

# Province -> districts (names as offices write them). Municipalities are written "TP. ...".
PROVINCES: dict[str, list[str]] = {
    "TP. Hồ Chí Minh": ["Quận 1", "Quận 12", "Quận Gò Vấp", "Quận Bình Thạnh", "Thành phố Thủ Đức", "Huyện Củ Chi", "Huyện Bình Chánh"],
    "TP. Hà Nội": ["Quận Ba Đình", "Quận Cầu Giấy", "Quận Hoàng Mai", "Huyện Đông Anh", "Huyện Sóc Sơn", "Huyện Ba Vì"],
    "Tỉnh Tiền Giang": ["Huyện Chợ Gạo", "Thành phố Mỹ Tho", "Huyện Cái Bè", "Huyện Gò Công Tây"],
    "Tỉnh Điện Biên": ["Huyện Điện Biên", "Thành phố Điện Biên Phủ", "Huyện Mường Chà", "Huyện Tuần Giáo"],
    "Tỉnh Nghệ An": ["Thành phố Vinh", "Huyện Quỳnh Lưu", "Huyện Diễn Châu", "Huyện Nghi Lộc", "Huyện Con Cuông"],
    "Tỉnh Thanh Hóa": ["Thành phố Thanh Hóa", "Huyện Hoằng Hóa", "Huyện Thọ Xuân", "Thị xã Nghi Sơn"],
    "TP. Đà Nẵng": ["Quận Hải Châu", "Quận Liên Chiểu", "Huyện Hòa Vang"],
    "TP. Cần Thơ": ["Quận Ninh Kiều", "Quận Bình Thủy", "Huyện Phong Điền"],
    "TP. Hải Phòng": ["Quận Lê Chân", "Huyện Thủy Nguyên", "Huyện An Lão"],
    "Tỉnh Quảng Nam": ["Thành phố Tam Kỳ", "Thị xã Điện Bàn", "Huyện Núi Thành"],
    "Tỉnh Đắk Lắk": ["Thành phố Buôn Ma Thuột", "Huyện Krông Pắc", "Huyện Ea Kar"],
    "Tỉnh Lâm Đồng": ["Thành phố Đà Lạt", "Thành phố Bảo Lộc", "Huyện Đức Trọng"],
    "Tỉnh Bình Định": ["Thành phố Quy Nhơn", "Thị xã An Nhơn", "Huyện Tuy Phước"],
    "Tỉnh An Giang": ["Thành phố Long Xuyên", "Thành phố Châu Đốc", "Huyện Chợ Mới"],
    "Tỉnh Lào Cai": ["Thành phố Lào Cai", "Thị xã Sa Pa", "Huyện Bát Xát"],
    "Tỉnh Hà Giang": ["Thành phố Hà Giang", "Huyện Đồng Văn", "Huyện Mèo Vạc"],
    "Tỉnh Thái Bình": ["Thành phố Thái Bình", "Huyện Kiến Xương", "Huyện Vũ Thư"],
    "Tỉnh Bến Tre": ["Thành phố Bến Tre", "Huyện Mỏ Cày Nam", "Huyện Ba Tri"],
    "Tỉnh Quảng Ninh": ["Thành phố Hạ Long", "Thành phố Uông Bí", "Huyện Tiên Yên"],
    "Tỉnh Đồng Nai": ["Thành phố Biên Hòa", "Huyện Trảng Bom", "Huyện Định Quán"],
    "Tỉnh Cà Mau": ["Thành phố Cà Mau", "Huyện Năm Căn", "Huyện U Minh"],
    "Tỉnh Sơn La": ["Thành phố Sơn La", "Huyện Mộc Châu", "Huyện Thuận Châu"],
}

# Wards and communes (used as "Phường X" in cities, "Xã X" elsewhere, and in school names).
COMMUNES = [
    "Thanh An", "Tân Sơn", "Bình Phục Nhứt", "Hòa Bình", "Tân Phú", "An Phước", "Phú Mỹ", "Long Hưng",
    "Đông Hòa", "Mỹ Lộc", "Tân Hiệp", "Xuân Phú", "Hưng Đạo", "Quang Minh", "Tiến Thắng", "Thạnh Lộc",
    "Hiệp Thành", "Tân Chánh Hiệp", "An Khánh", "Phước Long", "Thanh Xuân", "Nam Sơn", "Đức Thắng",
    "Thượng Lâm", "Mường Phăng", "Na Tông", "Pá Khoang", "Lương Hòa", "Bình Phước", "Song Bình",
    "Vĩnh Kim", "Long Bình", "Phú Lợi", "Hòa Khánh", "Cẩm Lệ", "Thới An", "Tân Lập", "Quỳnh Đôi",
    "Diễn Kỷ", "Nghi Phú", "Hoằng Đạo", "Thọ Lập", "Kim Liên", "Yên Hòa", "Mai Dịch", "Đồng Tâm",
]

# Names schools carry besides their commune: historical figures, and the kindergartens' birds and flowers.
PEOPLE_NAMES = [
    "Nguyễn Du", "Lê Lợi", "Trần Hưng Đạo", "Quang Trung", "Lý Thường Kiệt", "Nguyễn Trãi", "Chu Văn An",
    "Võ Thị Sáu", "Kim Đồng", "Lê Quý Đôn", "Nguyễn Bỉnh Khiêm", "Phan Bội Châu", "Trần Phú", "Ngô Quyền",
    "Hai Bà Trưng", "Nguyễn Văn Trỗi", "Lê Văn Tám", "Đinh Tiên Hoàng", "Tô Hiến Thành", "Nguyễn Khuyến",
    "Hoàng Hoa Thám", "Phan Chu Trinh", "Bế Văn Đàn", "Nguyễn Thị Minh Khai", "Trần Quốc Toản",
    "Lương Thế Vinh", "Hùng Vương", "Nguyễn Huệ", "Lê Hồng Phong", "Võ Văn Kiệt",
]
PRESCHOOL_NAMES = [
    "Họa Mi", "Hoa Sen", "Sơn Ca", "Hoa Hồng", "Vàng Anh", "Tuổi Thơ", "Bình Minh", "Hướng Dương",
    "Mai Vàng", "Hoa Mai", "Sao Mai", "Hoa Phượng", "Ánh Dương", "Rạng Đông", "Hoa Cúc", "Măng Non",
    "Sóc Nâu", "Thỏ Ngọc", "Hoa Lan", "Ban Mai",
]

FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE_NAMES = ["Thị", "Văn", "Minh", "Thanh", "Ngọc", "Hữu", "Đức", "Thu", "Kim", "Hoàng", "Thị Thu", "Thị Lan"]
GIVEN_NAMES = [
    "Anh", "Bình", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Lan", "Linh", "Long", "Mai", "Nam",
    "Nga", "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Thủy", "Trang", "Tuấn", "Vân", "Yến", "Dư", "Huy", "Thu",
]

SIGNER_TITLES = ["HIỆU TRƯỞNG", "HIỆU TRƯỞNG", "HIỆU TRƯỞNG", "KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG", "Q.HIỆU TRƯỞNG", "T/M LÃNH ĐẠO ĐƠN VỊ"]

TITLES = [
    "Cải tiến chất lượng giáo dục",
    "CẢI TIẾN CHẤT LƯỢNG GIÁO DỤC",
    "Thực hiện cải tiến chất lượng giáo dục của nhà trường",
    "Cải tiến chất lượng giáo dục sau tự đánh giá",
]

# Weaknesses and current state, by standard ("M4": level-4 items). "{t}" is the criterion title.
WEAKNESSES: dict[str, list[str]] = {
    "1": [
        "Kỹ năng tổ chức các hoạt động liên đội của Tổng phụ trách còn hạn chế.",
        "Công tác văn thư lưu trữ đôi khi chưa kịp thời.",
        "Đăng tải kế hoạch trên Website của nhà trường còn chậm.",
        "Số học sinh ở một số lớp vượt quá quy định 45 học sinh một lớp.",
        "Kế hoạch giáo dục của tổ chuyên môn được xây dựng và thực hiện chưa đồng bộ, đều tay giữa các bộ phận.",
        "Hồ sơ quản lý tài chính, tài sản chưa được cập nhật thường xuyên.",
        "Việc lấy ý kiến cán bộ, giáo viên, nhân viên khi xây dựng phương hướng, chiến lược chưa thường xuyên.",
        "Công tác tự kiểm tra nội bộ chưa sâu sát, còn mang tính hình thức.",
        "Hội chữ thập đỏ thực hiện nhiệm vụ kiêm nhiệm nên chưa sâu sát trong hoạt động Hội.",
        "Còn trường hợp học sinh chưa có kỹ năng tham gia mạng xã hội nên đôi khi bị lôi kéo, kích động.",
        "Phần mềm quản lý nhà trường chưa được khai thác hết các chức năng.",
    ],
    "2": [
        "Một số giáo viên cao tuổi chưa linh hoạt trong dạy học.",
        "Trường chưa tuyển được nhân viên công nghệ thông tin, công tác thiết bị phải phân công giáo viên kiêm nhiệm.",
        "Tỉ lệ giáo viên đạt trên chuẩn trình độ đào tạo còn thấp.",
        "Nhân viên bảo vệ, nhân viên phục vụ chưa qua đào tạo nghiệp vụ theo đề án vị trí việc làm.",
        "Một số giáo viên chưa mạnh dạn ứng dụng công nghệ thông tin trong giảng dạy.",
        "Số giáo viên đạt danh hiệu giáo viên dạy giỏi cấp huyện còn ít.",
        "Đối với giáo viên chưa đạt chuẩn Đại học, việc học nâng chuẩn còn chậm.",
    ],
    "3": [
        "Các phòng chức năng chưa được lắp sàn gỗ.",
        "Phòng giáo dục âm nhạc chưa được gắn kính, thanh gióng.",
        "Nhà xe chật, chưa đảm bảo tài sản và an toàn cho trẻ khi hoạt động gần khu vực nhà xe.",
        "Thư viện chưa đạt chuẩn, đầu sách tham khảo còn ít.",
        "Một số thiết bị dạy học đã cũ, hư hỏng, chưa được bổ sung kịp thời.",
        "Sân chơi chưa có đủ đồ chơi ngoài trời.",
        "Khu vệ sinh của học sinh đã xuống cấp.",
        "Hệ thống máy tính phòng tin học đã lạc hậu, cấu hình thấp.",
        "Mái vòm ở sân làm giảm tính thẩm mỹ của nhà trường.",
    ],
    "4": [
        "Ban đại diện cha mẹ học sinh hoạt động chưa thường xuyên.",
        "Công tác phối hợp với chính quyền địa phương trong huy động trẻ ra lớp còn hạn chế.",
        "Việc tuyên truyền về hoạt động của nhà trường đến cha mẹ học sinh chưa đa dạng.",
        "Nguồn xã hội hóa giáo dục còn ít, chưa huy động được nhiều nguồn lực.",
    ],
    "5": [
        "Chất lượng học sinh giỏi các cấp chưa cao.",
        "Tỉ lệ học sinh có kết quả học tập chưa đạt ở một số lớp còn cao.",
        "Nội dung giáo dục địa phương chưa được cập nhật thường xuyên.",
        "Hoạt động trải nghiệm, hướng nghiệp chưa phong phú.",
        "Một số trẻ chưa mạnh dạn trong giao tiếp.",
        "Kỹ năng sống của học sinh còn hạn chế.",
        "Tỉ lệ trẻ suy dinh dưỡng, thấp còi chưa giảm nhiều.",
        "Tài liệu về nội dung giáo dục địa phương của các bộ môn chưa phong phú.",
    ],
    "M4": [
        "Nhà trường chưa có kế hoạch chiến lược dài hạn đáp ứng yêu cầu của mức 4.",
        "Thư viện chưa có phòng đọc điện tử, chưa kết nối với thư viện số.",
        "Chưa áp dụng được mô hình giáo dục tiên tiến trong khu vực.",
        "Chưa có đủ 05 năm liên tiếp đạt các chỉ tiêu của tiêu chí mức 4.",
    ],
}
GENERIC_WEAKNESSES = [
    "Việc thực hiện «{t}» còn hạn chế, chưa đáp ứng đầy đủ yêu cầu của tiêu chí.",
    "{t}: minh chứng chưa được lưu trữ đầy đủ, khoa học.",
    "Nội dung «{t}» mới đạt mức 2, chưa đạt yêu cầu mức 3.",
]

# Expected results, by standard. "{y}" is the school year.
RESULTS: dict[str, list[str]] = {
    "1": [
        "Phương hướng, chiến lược xây dựng và phát triển nhà trường có sự tham gia rộng rãi, thường xuyên của cộng đồng.",
        "100% hồ sơ, sổ sách được lưu trữ khoa học, đúng quy định.",
        "Kế hoạch giáo dục của các tổ chuyên môn được xây dựng đồng bộ, đúng tiến độ.",
        "Các kế hoạch được đăng tải kịp thời trên trang thông tin điện tử của nhà trường.",
    ],
    "2": [
        "100% giáo viên đạt chuẩn trình độ đào tạo, trong đó trên 80% đạt trên chuẩn.",
        "Đối với giáo viên đạt chuẩn Đại học.",
        "Có ít nhất 02 giáo viên đạt danh hiệu giáo viên dạy giỏi cấp huyện.",
        "Nhân viên được bồi dưỡng nghiệp vụ theo vị trí việc làm.",
    ],
    "3": [
        "Các phòng chức năng được lắp sàn gỗ, gắn kính và thanh gióng.",
        "Diện tích nhà xe 120m2, bình quân 2.5m2/xe, đủ chỗ cho tất cả xe của cán bộ, giáo viên, nhân viên.",
        "Thư viện đạt chuẩn, bổ sung thêm 300 đầu sách tham khảo.",
        "Thiết bị dạy học được sửa chữa, bổ sung đáp ứng yêu cầu chương trình giáo dục phổ thông.",
    ],
    "4": [
        "Ban đại diện cha mẹ học sinh hoạt động đều đặn, có kế hoạch và biên bản họp đầy đủ.",
        "Huy động 100% trẻ trong độ tuổi ra lớp.",
        "Cha mẹ học sinh nắm được kế hoạch và kết quả giáo dục của nhà trường.",
    ],
    "5": [
        "Tỉ lệ học sinh giỏi các cấp tăng 5% so với năm học trước.",
        "Cập nhật tài liệu về nội dung giáo dục địa phương của các bộ môn phong phú.",
        "100% học sinh được tham gia các hoạt động trải nghiệm, hướng nghiệp.",
        "Tỉ lệ trẻ suy dinh dưỡng, thấp còi giảm dưới 3%.",
    ],
    "M4": [
        "Đáp ứng đầy đủ yêu cầu của tiêu chí mức 4 trong năm học {y}.",
        "Thư viện có phòng đọc điện tử kết nối với thư viện số của ngành.",
    ],
}

# Solution sentences are composed: opening + actor + action + object + purpose.
OPENINGS = [
    "Đầu năm học {y}, ", "Từ năm học {y} và những năm tiếp theo, ", "Tháng {m}/{yy}, ", "Trong học kì {h} năm học {y}, ",
    "Ngay từ đầu năm học, ", "Năm học {y} và những năm tiếp theo ", "", "", "",
]
ACTORS = [
    "Hiệu trưởng", "Phó Hiệu trưởng phụ trách chuyên môn", "Ban giám hiệu", "tổ trưởng chuyên môn", "Tổng phụ trách Đội",
    "Hội đồng trường", "nhà trường", "giáo viên chủ nhiệm", "tổ văn phòng", "bí thư chi bộ", "cán bộ quản lý",
]
ACTIONS = [
    "chỉ đạo", "tiếp tục chỉ đạo", "tham mưu với {office} về việc", "tăng cường", "xây dựng kế hoạch", "tổ chức",
    "rà soát", "phối hợp với Ban đại diện cha mẹ học sinh", "lập dự toán", "lên kế hoạch", "kiểm tra việc",
]
OBJECTS: dict[str, list[str]] = {
    "1": [
        "rà soát, hoàn thiện phương hướng, chiến lược hàng năm của đơn vị",
        "sắp xếp lưu trữ hồ sơ khoa học, kịp thời",
        "đăng tải các bài viết, kế hoạch trên Website của trường",
        "duy trì hoạt động có hiệu quả các phong trào nhằm đưa nhà trường ngày một phát triển",
        "kiểm tra việc thực hiện kế hoạch giáo dục ở các tổ, nhóm chuyên môn",
        "sắp xếp, bố trí lại các phòng học, phòng chức năng hợp lý hơn",
        "tăng cường hoạt động tự quản, dân chủ của các lớp học",
        "giáo dục ý thức chấp hành nội quy trường lớp, tinh thần thượng tôn pháp luật cho học sinh",
    ],
    "2": [
        "tạo điều kiện cho giáo viên học nâng chuẩn trình độ đào tạo",
        "bồi dưỡng chuyên môn cho giáo viên cao tuổi",
        "cử nhân viên tham gia các lớp bồi dưỡng nghiệp vụ",
        "tổ chức thao giảng, dự giờ, rút kinh nghiệm sau mỗi tiết dạy",
        "tập huấn ứng dụng công nghệ thông tin trong dạy học",
    ],
    "3": [
        "lắp sàn gỗ các phòng chức năng, gắn kính và thanh gióng cho phòng giáo dục âm nhạc",
        "nới rộng và làm hàng rào nhà xe",
        "bổ sung đầu sách tham khảo cho thư viện",
        "sửa chữa, thay mới thiết bị dạy học đã hư hỏng",
        "mua sắm đồ chơi ngoài trời cho sân chơi",
        "cải tạo khu vệ sinh của học sinh",
        "tháo mái vòm ở sân, đảm bảo tính thẩm mỹ cho nhà trường",
    ],
    "4": [
        "tổ chức họp Ban đại diện cha mẹ học sinh định kỳ",
        "tuyên truyền về hoạt động của nhà trường qua nhóm Zalo của lớp và trang thông tin điện tử",
        "phối hợp với chính quyền địa phương huy động trẻ ra lớp",
        "vận động các nhà hảo tâm hỗ trợ học sinh có hoàn cảnh khó khăn",
    ],
    "5": [
        "bồi dưỡng học sinh giỏi, phụ đạo học sinh chưa đạt",
        "cập nhật bổ sung tư liệu giáo dục địa phương của các bộ môn trong thư viện",
        "tổ chức các hoạt động trải nghiệm, hướng nghiệp theo chủ đề",
        "lồng ghép giáo dục kỹ năng sống vào các hoạt động hằng ngày",
        "theo dõi biểu đồ tăng trưởng, điều chỉnh khẩu phần ăn cho trẻ suy dinh dưỡng",
    ],
    "M4": [
        "xây dựng kế hoạch chiến lược giai đoạn 5 năm đáp ứng tiêu chí mức 4",
        "xây dựng phòng đọc điện tử và kết nối thư viện số",
        "học tập mô hình giáo dục tiên tiến của các trường trong khu vực",
    ],
}
PURPOSES = [
    "nhằm nâng cao chất lượng giáo dục.", "để đảm bảo đúng tiến độ đề ra.", "nhằm đảm bảo tính chuẩn mực, hợp lí và khoa học.",
    "để phục vụ công tác dạy và học ngày càng có hiệu quả hơn.", "nhằm đáp ứng yêu cầu đổi mới chương trình giáo dục phổ thông.",
    "để tạo điều kiện thuận lợi cho việc sinh hoạt của học sinh bán trú.", ", góp phần thực hiện thắng lợi nhiệm vụ năm học.",
    "nhằm đảm bảo an toàn cho trẻ.",
]
FOLLOW_UPS = [
    "Cuối mỗi học kì có đánh giá, nhận xét, rút kinh nghiệm việc thực hiện.",
    "Hiệu trưởng yêu cầu các bộ phận bổ sung, điều chỉnh kịp thời và tuyên dương các cá nhân thực hiện tốt.",
    "Tiếp tục phối hợp tốt với chính quyền địa phương trong việc giữ gìn an ninh chính trị, đảm bảo trật tự an toàn xã hội trong nhà trường.",
    "Báo cáo kết quả thực hiện về Hội đồng tự đánh giá.",
    "Lưu trữ minh chứng đầy đủ theo từng tiêu chí.",
]

LEADS = [
    "Hiệu trưởng", "Hiệu trưởng, Tổng phụ trách", "Ban giám hiệu - Hội đồng tự đánh giá", "Phó Hiệu trưởng; tổ trưởng chuyên môn",
    "Hiệu trưởng, Hội đồng trường, Ban Đại diện CMHS", "Kế toán, văn thư", "Phó Hiệu trưởng phụ trách chuyên môn",
    "Hiệu trưởng phối hợp với Hội chữ thập đỏ", "Tổ trưởng chuyên môn, giáo viên chủ nhiệm", "Nhân viên thư viện, thiết bị",
]
PARTNERS = ["Công đoàn", "Chi đoàn", "Ban Đại diện CMHS", "Tổ văn phòng", "Các tổ chuyên môn", "Giáo viên chủ nhiệm", "Tổng phụ trách Đội"]
SUPERVISORS = ["Công đoàn", "Ban thanh tra nhân dân", "Phó Hiệu trưởng phụ trách", "Hiệu trưởng", "Chi bộ", "Công đoàn, các phó hiệu trưởng"]
SUPPORT = [
    "Không", "Không có", "Sự hỗ trợ của Phòng GDĐT", "Giáo viên tin học hỗ trợ CNTT cập nhật thường xuyên trên Website nhà trường",
    "Phối hợp cùng chính quyền địa phương để thực hiện", "Tự túc", "Nhân viên văn thư kết hợp cùng giáo viên nhà trường thực hiện.",
]
FUNDING_SOURCES = [
    "Ngân sách", "Nguồn điều tiết", "Nguồn xã hội hóa", "Nguồn hoạt động của nhà trường", "Nguồn kinh phí chi từ chi thường xuyên",
    "Ngân sách nhà nước và xã hội hóa", "Tự túc",
]
BUDGET_NOTES = ["Không có", "Không", "Dự toán {amount}", "Theo dự toán được duyệt"]
NOTES = ["", "", "", "Chuyển tiếp từ năm học trước", "Tiêu chí trọng tâm", "Phối hợp thực hiện cùng tiêu chí liên quan"]

RECIPIENTS = [
    "{office_short} (để b/c);", "Hội đồng trường;", "Liên tịch;", "CB-GV-NV (để t/h);", "Ban Đại diện CMHS;", "Website trường;",
]

# Narrative sections of the body. "{school}", "{y}", "{prev}", "{circ}", "{district}" are filled in.
PURPOSE_ITEMS = [
    "Xây dựng kế hoạch cải tiến chất lượng giáo dục để thực hiện trong năm học {y} nhằm đưa ra các giải pháp phát huy điểm mạnh, khắc phục điểm yếu, từng bước nâng cao chất lượng giáo dục.",
    "Kế hoạch phải cụ thể, khả thi, phù hợp với điều kiện thực tế của nhà trường và địa phương.",
    "Huy động các nguồn lực cho giáo dục, góp phần tạo điều kiện nâng cao chất lượng, hiệu quả giáo dục.",
    "Đảm bảo thực hiện đúng tiến độ, đạt chất lượng, hiệu quả. Đồng thời nâng cao vai trò, trách nhiệm của đội ngũ trong thực hiện kế hoạch.",
    "Giúp nhà trường xác định được chất lượng đào tạo để có định hướng cải tiến và nâng cao hiệu quả giáo dục cũng như định hướng phát triển chiến lược.",
    "Chuẩn bị điều kiện thực hiện đánh giá ngoài và công nhận đạt chuẩn quốc gia.",
]
BASIS_ITEMS = [
    "Báo cáo tự đánh giá chất lượng giáo dục năm học {prev}.",
    "Căn cứ Thông tư số {circ}/TT-BGDĐT ngày 22/8/2018 của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Quy định về kiểm định chất lượng giáo dục và công nhận đạt chuẩn quốc gia.",
    "Căn cứ Công văn số 5932/BGDĐT-QLCL ngày 28 tháng 12 năm 2018 của Bộ Giáo dục và Đào tạo về hướng dẫn tự đánh giá và đánh giá ngoài cơ sở giáo dục phổ thông.",
    "Căn cứ kế hoạch của Phòng Giáo dục và Đào tạo {district} về khảo thí và kiểm định chất lượng giáo dục năm học {y}.",
    "Kết quả thực hiện cải tiến chất lượng của nhà trường đã đạt được trong năm học {prev}.",
    "Chủ trương, định hướng, giải pháp trọng tâm của địa phương, ngành và nhà trường.",
    "Căn cứ tình hình thực tế của đơn vị trong năm học {y}.",
]
ORGANISATION = [
    ("Hiệu trưởng - Chủ tịch Hội đồng tự đánh giá", [
        "Triển khai kế hoạch cải tiến chất lượng giáo dục đến tất cả cán bộ, giáo viên, nhân viên và Ban đại diện cha mẹ học sinh.",
        "Phân công thành viên hội đồng tự đánh giá thực hiện các tiêu chí cần cải tiến trong năm học {y}.",
        "Thực hiện công tác kiểm tra đánh giá và báo cáo.",
    ]),
    ("Các thành viên của Hội đồng tự đánh giá", [
        "Phụ trách theo dõi và đảm bảo tiến độ việc thực hiện cải tiến chất lượng đối với các tiêu chuẩn được phân công.",
        "Thu thập, bổ sung minh chứng theo từng tiêu chí.",
    ]),
    ("Tổ Giám sát kế hoạch cải tiến chất lượng", [
        "Giám sát việc thực hiện kế hoạch của các nhóm công tác, báo cáo Hiệu trưởng hằng tháng.",
    ]),
    ("Cán bộ, giáo viên, nhân viên của trường", [
        "Thực hiện các nhiệm vụ được phân công theo yêu cầu của Chủ tịch hội đồng TĐG và các thành viên Hội đồng tự đánh giá.",
        "Tham gia giám sát kế hoạch cải tiến chất lượng của nhà trường theo đúng tiến độ.",
    ]),
]
PROGRESS_ITEMS = [
    "Rà soát, xem xét kết quả tự đánh giá của nhà trường trong năm học {prev}.",
    "Ghi nhận những mặt yếu, mặt còn hạn chế của từng hoạt động.",
    "Xây dựng kế hoạch cải tiến chất lượng giáo dục.",
    "Phổ biến và triển khai thực hiện kế hoạch cải tiến chất lượng giáo dục năm học {y}.",
    "Tự đánh giá kết quả đạt được vào cuối năm học.",
]
CLOSINGS = [
    "Trên đây là kế hoạch cải tiến chất lượng giáo dục của {school} năm học {y}.",
    "Trên đây là nội dung kế hoạch thực hiện cải tiến chất lượng giáo dục của nhà trường. Đề nghị các tổ chuyên môn, các bộ phận, đoàn thể, toàn thể CB-GV-NV nghiên cứu và nghiêm túc triển khai thực hiện để đạt được mục tiêu đã đề ra./.",
    "Trong quá trình thực hiện, nếu có vướng mắc, các bộ phận báo cáo về Hiệu trưởng để kịp thời điều chỉnh./.",
]
